/** Test runners, test outcomes and test runs as the tests, coverage and mutation evidence share them. */

/** The runners codewright knows how to drive. */
export type RunnerName = 'vitest' | 'jest' | 'mocha' | 'tap' | 'node-test' | 'pytest' | 'unittest';

/** A test runner found in a worktree, ready to start. */
export interface TestRunner {
  name: RunnerName;
  language: 'javascript' | 'python';
  /** The program to start: Node (this process's binary) or a Python interpreter. */
  program: string;
  /** Arguments before the test files: the runner's entry script, or node flags for node:test. */
  baseArgs: string[];
  /** Arguments that select the whole suite (the globs of a `node --test` script); empty when the runner finds it. */
  suiteArgs: string[];
  /** Why this runner was chosen, for messages ("package.json scripts.test runs vitest"). */
  reason: string;
}

/** What a runner reports for one test. */
export type TestStatus = 'pass' | 'fail' | 'skip' | 'timeout';

/** One test's outcome in one run. */
export interface TestOutcome {
  /** The test file, relative to the worktree root, with `/` separators. */
  file: string;
  /** Suites and title joined by ` > `; `(file)` when the file as a whole failed (import error, timeout). */
  name: string;
  status: TestStatus;
  /** The failure message (trimmed, at most a few lines) for `fail` and `timeout`. */
  message?: string;
  /**
   * Set on a file's `timeout` when the run's time limit came before the file reported anything: it may
   * have hung, or never started while other files used up the time. (A test cut off while it ran is a
   * plain `timeout`.)
   */
  unreported?: true;
}

/** Where a run left raw coverage, when coverage was asked for. */
export type RawCoverage =
  | { format: 'v8'; directory: string }
  | { format: 'istanbul'; file: string }
  | { format: 'python'; file: string }
  | { format: 'unavailable'; reason: string };

/** The result of running some test files once in one directory. */
export interface TestRun {
  runner: RunnerName;
  dir: string;
  /** The test files asked for (relative), or `all` for the whole suite. */
  files: readonly string[] | 'all';
  outcomes: TestOutcome[];
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  /** Set when the run went wrong as a whole (runner missing, crash before any result, killed by the timeout). */
  error?: string;
  coverage?: RawCoverage;
}

/** Options of one run. */
export interface RunTestFilesOptions {
  /** Kill the run's process group after this many milliseconds. */
  timeoutMs: number;
  /** Collect raw coverage into this existing directory; the caller removes it. */
  coverageDirectory?: string;
  /** Source files (relative) whose lines Python tracing records; other runners record everything. */
  coverageFiles?: readonly string[];
  /**
   * Whether the runner's own type-checking of test files runs (vitest `typecheck`); default as the project
   * configures it. `check` turns it off: the build evidence type-checks the project once, with base and change compared.
   */
  typeTests?: boolean;
  /** For V8 coverage, one report per test file (vitest: native imports in forks, even with @vitest/coverage-v8 installed). */
  coveragePerTestFile?: boolean;
  /** Stop at the first failing test where the runner can (vitest, jest, mocha): a mutant run only needs one. */
  bail?: boolean;
  signal?: AbortSignal;
}
