/** How one runner is started and how its report is read: the seam between run-test-files and each runner. */
import type { RunResult } from '../../core/process.ts';
import type { OutcomeCollector } from './outcome-collector.ts';
import type { RawCoverage, TestRunner } from './types.ts';

/** One run as an adapter sees it. */
export interface RunInput {
  runner: TestRunner;
  dir: string;
  files: readonly string[] | 'all';
  /** A private temp folder for reports, removed after the run. */
  workDirectory: string;
  coverageDirectory?: string;
  coverageFiles?: readonly string[];
  typeTests?: boolean;
  coveragePerTestFile?: boolean;
  bail?: boolean;
}

/** One process to start: arguments after the runner's program, and extra environment. */
export interface Invocation {
  args: string[];
  env: Record<string, string>;
}

/** The processes of a run (started side by side, under one deadline) and where coverage will be. */
export interface RunPlan {
  invocations: Invocation[];
  coverage?: RawCoverage;
}

/** Runner-specific start and report reading. */
export interface RunnerAdapter {
  prepare(input: RunInput): Promise<RunPlan>;
  /** Feeds the collector; returns an error message when no report could be read. */
  collect(input: RunInput, results: readonly RunResult[], collector: OutcomeCollector): Promise<string | undefined>;
}
