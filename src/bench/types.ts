/** Contracts between the benchmark's parts: suites, agents under test, attempts and scores. */
import type { BenchTask } from './task-schema.ts';

/** What one attempt at a task left: a patch against the base, and/or an answer text. */
export interface Attempt {
  taskId: string;
  /** 0-based sample index (pass@k draws k samples). */
  sample: number;
  agent: string;
  status: 'done' | 'agent-error' | 'timeout' | 'limit' | 'environment-error';
  patch: string;
  answer: string;
  /** Why the status is not `done`, or what the agent printed last. */
  message?: string;
  seconds: number;
  inputTokens: number;
  outputTokens: number;
  cost: number;
}

/** How an attempt scored. `passed` is the resolve/accuracy bit; `measures` carries family-specific numbers. */
export interface AttemptScore {
  taskId: string;
  sample: number;
  passed: boolean;
  /** environment-error and flaky are reported and excluded from rates. */
  status: 'passed' | 'failed' | 'environment-error' | 'flaky' | 'broken-task';
  reason: string;
  measures: Record<string, number>;
  seconds: number;
}

/** Produces attempts: our agent, or any command line that receives the task in a worktree. */
export interface BenchAgent {
  specificationVersion: 'v1';
  name: string;
  doAttempt(task: BenchTask, worktree: string, options: { sample: number; signal: AbortSignal; logDirectory: string }): Promise<Attempt>;
}

/** Scores an attempt of one kind of task (tests, translation checker, localization, refactor quality). */
export interface BenchScorer {
  specificationVersion: 'v1';
  /** True when this scorer applies to the task. */
  accepts(task: BenchTask): boolean;
  doScore(task: BenchTask, attempt: Attempt, worktree: string, options: { signal: AbortSignal; timeoutMs: number }): Promise<AttemptScore>;
}

/** Loads an upstream suite's records into tasks (SWE-bench JSONL, MultiPL-E prompts, TransCoder scripts). */
export interface SuiteAdapter {
  specificationVersion: 'v1';
  name: string;
  /** Reads `path` (a file or folder of upstream data) and returns tasks, or problems naming the line and field. */
  doLoad(path: string, options: { limit?: number }): Promise<{ tasks: BenchTask[]; problems: string[] }>;
}
