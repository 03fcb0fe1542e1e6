/** Contracts between the benchmark's parts: suites, agents under test, attempts, scorers and measures. */
import type { Logger } from '../core/logger.ts';
import type { BenchTask } from './task-schema.ts';

/** How an attempt ended: `skipped` when the task is known broken upstream and no agent ran. */
export type AttemptStatus = 'done' | 'agent-error' | 'timeout' | 'limit' | 'environment-error' | 'skipped';

/** What one attempt at a task left: a patch against the base, and/or an answer text. */
export interface Attempt {
  taskId: string;
  /** 0-based sample index (pass@k draws k samples). */
  sample: number;
  agent: string;
  status: AttemptStatus;
  patch: string;
  answer: string;
  /** Why the status is not `done`, or what the agent printed last. */
  message?: string;
  seconds: number;
  inputTokens: number;
  outputTokens: number;
  cost: number;
  /** The agent's trajectory: a file it wrote in `logDirectory` (relative to it); recorded relative to the bench run folder. */
  trajectory?: string;
  /** The agent's output log, like `trajectory`. */
  logFile?: string;
  /** The recorded patch, relative to the bench run folder (the engine sets it). */
  patchFile?: string;
}

/** How a score ended. environment-error, flaky and broken-task are reported and excluded from rates. */
export type ScoreStatus = 'passed' | 'failed' | 'environment-error' | 'flaky' | 'broken-task';

/** How an attempt scored. `passed` is the resolve/accuracy bit; `measures` carries family-specific numbers. */
export interface AttemptScore {
  taskId: string;
  sample: number;
  passed: boolean;
  status: ScoreStatus;
  reason: string;
  /** Family-specific numbers: `acc@1`, `complexityDelta`, `agreement`, `longevityDays`... (means are reported per group). */
  measures: Record<string, number>;
  seconds: number;
}

/** Produces attempts: our agent, or any command line that receives the task in a worktree. */
export interface BenchAgent {
  specificationVersion: 'v1';
  name: string;
  /**
   * Works on `task` in `worktree` (the task's checkout after setup, a git repository whose HEAD is the base).
   * The engine takes the patch from the worktree itself when `attempt.patch` is empty; the agent fills it when
   * its change lives elsewhere. It must stop when `signal` aborts (the time limit), killing its process group.
   */
  doAttempt(task: BenchTask, worktree: string, options: BenchAgentOptions): Promise<Attempt>;
}

export interface BenchAgentOptions {
  sample: number;
  signal: AbortSignal;
  /** A folder kept with the run for the agent's log and trajectory. */
  logDirectory: string;
  /** Milliseconds left before the task's time limit. */
  timeoutMs?: number;
  logger?: Logger;
}

/** What a scorer is given besides the task and the attempt. */
export interface BenchScorerOptions {
  signal: AbortSignal;
  /** Time limit of one child process (a test run, a compile), ms. */
  timeoutMs: number;
  /** The commit the worktree started from (after setup); the worktree holds it plus the attempt's patch. */
  base?: string;
  logger?: Logger;
}

/**
 * Scores an attempt of one kind of task (tests, translation checker, localization, refactor quality). The worktree
 * is the base with the attempt's patch applied, freshly reset for each scoring: a scorer may write in it.
 * Scorers never throw for expected trouble: a missing tool or a broken install is `environment-error`.
 */
export interface BenchScorer {
  specificationVersion: 'v1';
  name?: string;
  /** True when this scorer applies to the task. */
  accepts(task: BenchTask): boolean;
  doScore(task: BenchTask, attempt: Attempt, worktree: string, options: BenchScorerOptions): Promise<AttemptScore>;
}

/** Adds numbers to a score after it is decided (bug-fix longevity of mined tasks); never changes `passed`. */
export interface BenchMeasure {
  specificationVersion: 'v1';
  name: string;
  accepts(task: BenchTask): boolean;
  doMeasure(task: BenchTask, attempt: Attempt, worktree: string, options: BenchScorerOptions): Promise<Record<string, number>>;
}

/** Loads an upstream suite's records into tasks (SWE-bench JSONL, MultiPL-E prompts, TransCoder scripts). */
export interface SuiteAdapter {
  specificationVersion: 'v1';
  name: string;
  /** Reads `path` (a file or folder of upstream data) and returns tasks, or problems naming the line and field. */
  doLoad(path: string, options: { limit?: number }): Promise<{ tasks: BenchTask[]; problems: string[] }>;
}
