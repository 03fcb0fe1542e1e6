/** Asks the user about each input where candidates disagree, and turns every answer into a test and a clarification. */
import type { Logger } from '../../core/logger.ts';
import { detectRunners } from '../../evidence/tests/index.ts';
import type { Asker, CandidateWorkspace, TrajectorySink, UserAnswer, UserQuestion } from '../types.ts';
import type { TestSuiteSource } from '../scaling/cross-check.ts';
import { worktreeFiles } from '../scaling/run-tests-in.ts';
import { answerTest } from './answer-test.ts';
import { findDisagreements } from './find-disagreements.ts';
import { questionFor } from './question-for.ts';

export interface Clarification {
  question: UserQuestion;
  answer: UserAnswer;
  /** `f([]) returns 0`: what later candidates are told. */
  statement: string;
  /** The test made from the answer, when one could be written. */
  testPath?: string;
  /** Set when nobody answered and the majority was taken: an assumption the report lists. */
  assumption?: string;
}

async function runnerOf(workspace: CandidateWorkspace, timeoutMs: number) {
  const detections = await detectRunners(workspace.root, workspace.root, await worktreeFiles(workspace.root, timeoutMs));
  const found = detections.find((detection) => detection.status === 'found' && detection.runner.language === 'javascript');
  return found?.status === 'found' ? found.runner.name : undefined;
}

/** Finds disagreements between `leader` and `others`, asks about at most `maxQuestions` of them, and returns answers and their tests. */
export async function resolveDisagreements(input: {
  leader: CandidateWorkspace;
  others: readonly CandidateWorkspace[];
  asker: Asker;
  trajectory: TrajectorySink;
  round: number;
  questionOffset: number;
  maxQuestions?: number;
  timeoutMs: number;
  logger: Logger;
  signal?: AbortSignal;
}): Promise<{ clarifications: Clarification[]; suite: TestSuiteSource }> {
  const suite: TestSuiteSource = { author: 'answers', files: new Map() };
  const disagreements = await findDisagreements(input.leader, input.others, input);
  const clarifications: Clarification[] = [];
  const runner = disagreements.length > 0 ? await runnerOf(input.leader, input.timeoutMs) : undefined;
  for (const [index, disagreement] of disagreements.slice(0, input.maxQuestions ?? 3).entries()) {
    const number = input.questionOffset + index + 1;
    const { question, options } = questionFor(disagreement, `q${number}`);
    input.trajectory.record({ type: 'question', round: input.round, id: question.id, text: question.text, options: question.options, source: 'disagreement' });
    const answer = await input.asker.ask(question);
    input.trajectory.record({ type: 'answer', round: input.round, id: question.id, answer: answer.answer, by: answer.by });
    const chosen = options.find((option) => option.label === answer.answer) ?? options.find((option) => answer.answer.trim().toUpperCase() === option.candidates[0]) ?? options[0]!;
    const outcome = disagreement.outcomes.find((item) => item.candidate === chosen.candidates[0])!.outcome;
    const statement = `${disagreement.functionName}(${disagreement.input.replace(/^\(|\)$/g, '')}) ${chosen.behaviour} (${disagreement.path})`;
    const clarification: Clarification = { question, answer, statement };
    if (answer.by !== 'user') clarification.assumption = `assumed "${chosen.behaviour}" for \`${disagreement.functionName}\` at input \`${disagreement.input}\` (${answer.by === 'majority' ? 'the majority of candidates' : 'default'}; nobody answered)`;
    const test = runner ? answerTest(disagreement, outcome, runner, number) : undefined;
    if (test) {
      suite.files.set(test.path, test.content);
      clarification.testPath = test.path;
    }
    clarifications.push(clarification);
  }
  return { clarifications, suite };
}
