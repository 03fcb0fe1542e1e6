/** What the function-level suites' batch scorers take and give: one attempt of a task in its worktree, scored. */
import type { BenchTask } from '../task-schema.ts';
import type { Attempt, AttemptScore } from '../types.ts';

export interface ScoreItem {
  task: BenchTask;
  attempt: Attempt;
  worktree: string;
}

export interface BatchScoreOptions {
  signal?: AbortSignal;
  /** Limit of one child process (a compile, a test run), ms; a batch compile may add a little per file. */
  timeoutMs: number;
  /** Compiles and runs at once (default 1). */
  workers?: number;
}

/** The score of `item` with a status and the reason for it. */
export function itemScore(item: ScoreItem, status: AttemptScore['status'], reason: string, measures: Record<string, number> = {}, seconds = 0): AttemptScore {
  return { taskId: item.task.id, sample: item.attempt.sample, passed: status === 'passed', status, reason, measures, seconds };
}
