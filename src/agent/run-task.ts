/** A task run: N candidates in parallel worktrees, evidence for each, cross-checks, questions, refinement rounds, and a selection. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ToolSet } from 'ai';
import type { Logger } from '../core/logger.ts';
import type { TaskRequest } from '../core/task.ts';
import { resolveDisagreements, type Clarification } from './clarify/resolve-disagreements.ts';
import { runCandidate, type CandidateRun } from './loop/run-candidate.ts';
import { explainSelection, rankCandidates, type CandidateEvidence, type RankedCandidate } from './select/rank-candidates.ts';
import type { Budget } from './scaling/budget.ts';
import { crossCheck, suiteOf, type CrossCheckCell, type TestSuiteSource } from './scaling/cross-check.ts';
import { evaluateCandidate, pathsOfDiff, type CandidateEvaluation } from './scaling/evaluate-candidate.ts';
import { testFilesAmong } from './scaling/run-tests-in.ts';
import type { TaskDefinition, ToolAccess } from './tasks/types.ts';
import type { AgentModel, Asker, CandidateWorkspace, TrajectorySink } from './types.ts';

/** What a run needs from the places it lives in (run folder, worktrees, tools); the CLI, MCP and bench wire them. */
export interface RunServices {
  createWorkspace(candidate: string, options: { applyDiff?: string }): Promise<CandidateWorkspace>;
  diffOf(workspace: CandidateWorkspace): Promise<string>;
  saveDiff(candidate: string, diff: string): void;
  removeWorkspace(workspace: CandidateWorkspace): Promise<void>;
  toolsFor(workspace: CandidateWorkspace, access: ToolAccess): ToolSet;
  repositoryMap?: string;
}

export interface TaskRunOptions {
  request: TaskRequest;
  definition: TaskDefinition;
  model: AgentModel;
  services: RunServices;
  trajectory: TrajectorySink;
  budget: Budget;
  asker: Asker;
  candidates: number;
  rounds: number;
  maxSteps?: number;
  timeoutMs: number;
  logger: Logger;
  onProgress?: (line: string) => void;
  onText?: (candidate: string, delta: string) => void;
}

export interface CandidateRecord extends CandidateRun {
  round: number;
  parent?: string;
  diff: string;
  evaluation?: CandidateEvaluation;
}

export interface TaskRunResult {
  candidates: CandidateRecord[];
  ranked: RankedCandidate[];
  selected?: string;
  explanation: string;
  clarifications: Clarification[];
  crossCheck: CrossCheckCell[];
  stoppedBy?: string;
}

/** A, B, ..., Z, A2, B2, ... */
export function candidateName(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : `${letter}${Math.floor(index / 26) + 1}`;
}

function seedText(record: CandidateRecord): string {
  const lines = [`Candidate ${record.candidate} left this change (already applied in your worktree):`, record.diff.slice(0, 6000)];
  const success = record.evaluation?.success;
  if (success) lines.push(`Its success check: ${success.passed ? 'passed' : 'failed'}: ${success.summary}`, ...success.details.slice(0, 8).map((line) => `- ${line}`));
  for (const file of record.evaluation?.checkReport?.files ?? []) {
    for (const hunk of file.hunks) if (hunk.verdict !== 'verified') lines.push(`- ${file.path}:${hunk.hunk.newStart} ${hunk.verdict}: ${hunk.reason}`);
  }
  return lines.join('\n');
}

/** Runs the task and returns every candidate with its evidence and the selection; worktrees are removed at the end. */
export async function runTask(options: TaskRunOptions): Promise<TaskRunResult> {
  const { definition, request, services, budget, trajectory, logger } = options;
  const progress = options.onProgress ?? (() => {});
  const records: CandidateRecord[] = [];
  const clarifications: Clarification[] = [];
  const answerSuite: TestSuiteSource = { author: 'answers', files: new Map() };
  let cells: CrossCheckCell[] = [];
  let ranked: RankedCandidate[] = [];
  let parents: CandidateRecord[] = [];
  const workspaces = new Map<string, CandidateWorkspace>();
  try {
    for (let round = 1; round <= Math.max(1, options.rounds); round++) {
      if (budget.exceeded()) break;
      trajectory.record({ type: 'round-start', round, parents: parents.map((parent) => parent.candidate) });
      const names = Array.from({ length: options.candidates }, (_, index) => candidateName(records.length + index));
      const roundRecords = await Promise.all(
        names.map(async (name, index): Promise<CandidateRecord> => {
          const parent = parents.length > 0 ? parents[index % parents.length] : undefined;
          const workspace = await services.createWorkspace(name, parent ? { applyDiff: parent.diff } : {});
          workspaces.set(name, workspace);
          progress(`candidate ${name} (round ${round}${parent ? `, from ${parent.candidate}` : ''}) started`);
          const run = await runCandidate({
            model: options.model,
            definition,
            request,
            tools: services.toolsFor(workspace, definition.toolAccess),
            prompt: {
              candidate: name,
              round,
              ...(services.repositoryMap ? { repositoryMap: services.repositoryMap } : {}),
              ...(parent ? { seed: seedText(parent) } : {}),
              clarifications: clarifications.map((item) => item.statement),
            },
            trajectory,
            budget,
            ...(options.maxSteps ? { maxSteps: options.maxSteps } : {}),
            logger,
            ...(options.onText ? { onText: (delta: string) => options.onText!(name, delta) } : {}),
          });
          const diff = await services.diffOf(workspace);
          services.saveDiff(name, diff);
          progress(`candidate ${name} ended (${run.status}, ${run.steps} steps); checking its change`);
          const evaluation = await evaluateCandidate({ definition, request, workspace, diff, answer: run.answer, round, trajectory, timeoutMs: options.timeoutMs, logger });
          return { ...run, round, diff, evaluation, ...(parent ? { parent: parent.candidate } : {}) };
        }),
      );
      records.push(...roundRecords);
      const delivered = roundRecords.filter((record) => record.status !== 'error' && (!definition.changesCode || record.diff.trim() !== '') && (definition.changesCode || record.answer !== ''));
      const roundSpaces = delivered.map((record) => workspaces.get(record.candidate)!);
      if (definition.changesCode && delivered.length > 1) {
        progress(`cross-checking ${delivered.length} candidates against each other's tests`);
        const suites = await Promise.all(delivered.map(async (record) => suiteOf(record.candidate, workspaces.get(record.candidate)!, await testFilesAmong(workspaces.get(record.candidate)!.root, pathsOfDiff(record.diff), options.timeoutMs))));
        cells = [...cells, ...(await crossCheck(roundSpaces, suites, { timeoutMs: options.timeoutMs }))];
      }
      ranked = rank(records, definition, cells);
      if (definition.changesCode && delivered.length > 1) {
        const leader = workspaces.get(ranked[0]!.candidate)!;
        const others = roundSpaces.filter((space) => space.id !== leader.id);
        progress('looking for inputs on which candidates disagree');
        const found = await resolveDisagreements({ leader, others, asker: options.asker, trajectory, round, questionOffset: clarifications.length, timeoutMs: options.timeoutMs, logger });
        clarifications.push(...found.clarifications);
        for (const [path, content] of found.suite.files) answerSuite.files.set(path, content);
        if (found.suite.files.size > 0) {
          cells = [...cells.filter((cell) => cell.author !== 'answers'), ...(await crossCheck([...workspaces.values()].filter((space) => records.some((record) => record.candidate === space.id && record.diff.trim() !== '')), [answerSuite], { timeoutMs: options.timeoutMs }))];
          ranked = rank(records, definition, cells);
        }
      }
      trajectory.record({ type: 'cross-check', round, cells, ranking: ranked.map((item) => ({ candidate: item.candidate, score: item.score, parts: item.parts })) });
      parents = ranked.filter((item) => item.score >= 0).slice(0, Math.max(1, Math.ceil(options.candidates / 2))).map((item) => records.find((record) => record.candidate === item.candidate)!);
      const best = ranked[0] && records.find((record) => record.candidate === ranked[0]!.candidate);
      if (best?.evaluation?.success.passed && roundFinished(best)) break;
    }
    const winner = ranked[0] && ranked[0].score >= 0 ? records.find((record) => record.candidate === ranked[0]!.candidate) : undefined;
    if (winner && answerSuite.files.size > 0) await keepAnswerTests(winner, workspaces.get(winner.candidate)!, answerSuite, services);
  } finally {
    await Promise.all([...workspaces.values()].map((workspace) => services.removeWorkspace(workspace).catch((error: unknown) => logger.warn(`could not remove the worktree of ${workspace.id}: ${String(error)}`))));
  }
  const selected = ranked[0] && ranked[0].score >= 0 ? ranked[0].candidate : undefined;
  const explanation = explainSelection(ranked);
  trajectory.record({ type: 'selection', selected, explanation, ranking: ranked });
  const stoppedBy = budget.exceeded();
  return { candidates: records, ranked, ...(selected ? { selected } : {}), explanation, clarifications, crossCheck: cells, ...(stoppedBy ? { stoppedBy } : {}) };
}

/** The user's answers stay with the selected change as tests, so that the clarified behaviour is kept. */
async function keepAnswerTests(winner: CandidateRecord, workspace: CandidateWorkspace, suite: TestSuiteSource, services: RunServices): Promise<void> {
  for (const [path, content] of suite.files) {
    mkdirSync(dirname(join(workspace.root, path)), { recursive: true });
    writeFileSync(join(workspace.root, path), content);
  }
  winner.diff = await services.diffOf(workspace);
  services.saveDiff(winner.candidate, winner.diff);
}

/** A round ends the run early when its best candidate is verified throughout: refining it would add cost, not confidence. */
function roundFinished(best: CandidateRecord): boolean {
  const counts = best.evaluation?.checkReport?.counts;
  if (!counts) return true;
  return counts.broken === 0 && counts.suspicious === 0 && counts.unverified === 0;
}

function rank(records: readonly CandidateRecord[], definition: TaskDefinition, cells: readonly CrossCheckCell[]): RankedCandidate[] {
  const evidence = records.map(
    (record): CandidateEvidence => ({
      candidate: record.candidate,
      delivered: record.status !== 'error' && (definition.changesCode ? record.diff.trim() !== '' : record.answer !== ''),
      status: record.status,
      ...(record.evaluation?.success ? { success: record.evaluation.success } : {}),
      ...(record.evaluation?.checkReport ? { checkReport: record.evaluation.checkReport } : {}),
    }),
  );
  return rankCandidates(evidence, cells);
}
