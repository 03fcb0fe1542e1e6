/** After a candidate ends: its diff, `check` of its change, and its family's success check, recorded as evidence. */
import type { Intent } from '../../core/change.ts';
import type { Logger } from '../../core/logger.ts';
import type { TaskFamily, TaskRequest } from '../../core/task.ts';
import type { CheckReport } from '../../evidence/report/types.ts';
import { runCheck } from '../../evidence/run-check.ts';
import type { SuccessReport, TaskDefinition } from '../tasks/types.ts';
import type { CandidateWorkspace, TrajectorySink } from '../types.ts';

/** What a change of each family claims to be, for `check`: optimize and document must keep behaviour. */
export const intentOf: Record<TaskFamily, Intent> = {
  solve: 'fix',
  implement: 'feature',
  refactor: 'refactor',
  translate: 'feature',
  optimize: 'refactor',
  document: 'refactor',
  ask: 'refactor',
  test: 'feature',
};

export interface CandidateEvaluation {
  checkReport?: CheckReport;
  success: SuccessReport;
}

/** Paths a unified diff touches (new side; deleted files by their old path). */
export function pathsOfDiff(diff: string): string[] {
  const paths = new Set<string>();
  for (const match of diff.matchAll(/^diff --git a\/(.+?) b\/(.+)$/gm)) paths.add(match[2]!);
  return [...paths];
}

export async function evaluateCandidate(input: {
  definition: TaskDefinition;
  request: TaskRequest;
  workspace: CandidateWorkspace;
  diff: string;
  answer: string;
  round: number;
  trajectory: TrajectorySink;
  timeoutMs: number;
  logger: Logger;
  signal?: AbortSignal;
}): Promise<CandidateEvaluation> {
  const { definition, workspace } = input;
  let checkReport: CheckReport | undefined;
  if (definition.changesCode && input.diff.trim() !== '') {
    checkReport = await runCheck(workspace.root, { base: workspace.base, intent: intentOf[definition.family], timeoutMs: input.timeoutMs, logger: input.logger, signal: input.signal }).catch((error: unknown) => {
      input.logger.warn(`check of candidate ${workspace.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
  }
  const success = await definition
    .doCheckSuccess({ request: input.request, workspace, diff: input.diff, answer: input.answer, ...(checkReport ? { checkReport } : {}), logger: input.logger, timeoutMs: input.timeoutMs, ...(input.signal ? { signal: input.signal } : {}) })
    .catch((error: unknown): SuccessReport => ({ passed: false, score: 0, summary: `the success check failed to run: ${error instanceof Error ? error.message : String(error)}`, details: [] }));
  input.trajectory.record({
    type: 'evidence',
    candidate: workspace.id,
    round: input.round,
    counts: checkReport?.counts,
    hunks: checkReport?.files.flatMap((file) => file.hunks.map((hunk) => ({ path: file.path, line: hunk.hunk.newStart, verdict: hunk.verdict, reason: hunk.reason }))),
    success,
  });
  return { ...(checkReport ? { checkReport } : {}), success };
}
