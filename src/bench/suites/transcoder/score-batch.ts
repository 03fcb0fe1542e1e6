/** Scores translation attempts by computational accuracy: the candidate filled into the target language's script must agree with f_gold on every input. */
import type { AttemptScore } from '../../types.ts';
import { itemScore, type BatchScoreOptions, type ScoreItem } from '../batch-score.ts';
import { candidateText } from '../multipl-e/candidate-text.ts';
import { isTranscoderLanguage, type TranscoderLanguage } from './languages.ts';
import { runTestScripts } from './run-scripts.ts';
import type { FilledScript } from './script-outcome.ts';
import { fillTestScript, parseTestScript } from './test-script.ts';

/** Scores each item; scripts of one language are compiled and run together. Results come back in input order. */
export async function scoreTranslations(items: readonly ScoreItem[], options: BatchScoreOptions): Promise<AttemptScore[]> {
  const scores = new Array<AttemptScore>(items.length);
  const runnable: { index: number; script: FilledScript }[] = [];
  for (const [index, item] of items.entries()) {
    const { task } = item;
    if (task.broken) scores[index] = itemScore(item, 'broken-task', task.broken);
    else if (!isTranscoderLanguage(task.toLanguage) || !task.scoring.checker) scores[index] = itemScore(item, 'environment-error', 'the task has no TransCoder test script for its target language');
    else {
      const language: TranscoderLanguage = task.toLanguage;
      const checker = parseTestScript(task.origin?.upstreamId ?? task.id, language, task.scoring.checker);
      const candidate = candidateText(task, item.attempt, item.worktree);
      if (!checker.success) scores[index] = itemScore(item, 'environment-error', `the checker script ${checker.error}`);
      else if (candidate.trim() === '') scores[index] = itemScore(item, 'failed', `no translation: the answer is empty and ${task.target ?? 'the target file'} was not written`, { ca: 0 });
      else runnable.push({ index, script: { id: checker.value.id, language, program: fillTestScript(checker.value, candidate) } });
    }
  }
  const outcomes = await runTestScripts(runnable.map((entry) => entry.script), options);
  for (const [position, { index }] of runnable.entries()) {
    const outcome = outcomes[position];
    const item = items[index] as ScoreItem;
    if (!outcome) continue;
    const measures: Record<string, number> = outcome.status === 'environment-error' ? {} : { ca: outcome.status === 'passed' ? 1 : 0, testsPassed: outcome.testsPassed, testsTotal: outcome.testsTotal };
    scores[index] = itemScore(item, outcome.status, outcome.reason, measures, outcome.seconds);
  }
  return scores;
}
