/** Mutants, their outcomes, and the test hooks mutation testing runs them with. */

/**
 * How mutation testing runs tests; the check orchestrator puts an object of this shape in
 * `context.shared.get('mutation-hooks')`, wired to the real test runner.
 */
export interface MutationTestHooks {
  /** Runs `testFiles` (as `testFilesFor` names them) in `dir`, killed after `timeoutMs`. */
  runTests: (dir: string, testFiles: string[], timeoutMs: number) => Promise<{ passed: boolean; timedOut: boolean; failures: string[] }>;
  /** Test files that exercise `line` (1-based) of `path` (relative to the repository root); empty when none. */
  testFilesFor: (path: string, line: number) => string[];
}

/** The kinds of mutation, each a small fault tests should notice. */
export type MutationOperator =
  | 'arithmetic'
  | 'boundary'
  | 'equality'
  | 'logical'
  | 'negated-condition'
  | 'boolean-literal'
  | 'return-value'
  | 'removed-call'
  | 'unary'
  | 'off-by-one';

/** One small change of one changed line: the text at `start`..`end` of the file becomes `replacement`. */
export interface Mutant {
  /** `<path>:<line>:<column>:<operator>`, unique within a check. */
  id: string;
  /** Relative to the worktree root. */
  path: string;
  /** 1-based line and 0-based column of the mutated text. */
  line: number;
  column: number;
  /** UTF-16 offsets of `original` in the file's text. */
  start: number;
  end: number;
  operator: MutationOperator;
  original: string;
  replacement: string;
  /** The hunk whose changed line this is. */
  hunkId: string;
}

/**
 * What the tests made of a mutant: `killed` (a test failed), `timeout` (tests hung: counted as killed),
 * `survived` (tests passed), `no-tests` (no test covers the line), `error` (could not be judged), `skipped` (time ran out).
 */
export type MutantStatus = 'killed' | 'timeout' | 'survived' | 'no-tests' | 'error' | 'skipped';

export interface MutantResult {
  mutant: Mutant;
  status: MutantStatus;
  testFiles: string[];
  /** Failing test names (killed) or why it could not be judged (error). */
  details: string[];
  milliseconds: number;
}

/** Where the orchestrator puts the MutationTestHooks in `context.shared`. */
export const mutationHooksKey = 'mutation-hooks';
