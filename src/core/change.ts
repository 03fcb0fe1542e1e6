/** A change as every layer sees it: files, hunks, evidence about them, and verdicts. */

/** One line of a hunk: ' ' context, '+' added, '-' removed. */
export interface HunkLine {
  type: ' ' | '+' | '-';
  text: string;
  /** Line number in the old file (context and removed lines). */
  oldLine?: number;
  /** Line number in the new file (context and added lines). */
  newLine?: number;
}

/** A contiguous change inside one file. */
export interface Hunk {
  /** Stable id within a change: `<path>#<index>`. */
  id: string;
  path: string;
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** The text after `@@ … @@` (often the enclosing function). */
  header: string;
  lines: HunkLine[];
}

export type FileChangeKind = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';

/** The change to one file. */
export interface FileChange {
  kind: FileChangeKind;
  oldPath: string | null;
  newPath: string | null;
  binary: boolean;
  /** Mode change only, or a rename without content change: no hunks. */
  hunks: Hunk[];
}

/** A whole change: what `check` examines. */
export interface Change {
  files: FileChange[];
  /** The revision the change applies to. */
  base: string;
  /** The unified diff text (git format, with --binary data when present). */
  patch: string;
}

/** What the change claims to be. */
export type Intent = 'fix' | 'feature' | 'refactor';

/** A verdict for one hunk, strongest first when ranking trouble. */
export type Verdict = 'broken' | 'suspicious' | 'unverified' | 'likely' | 'verified';

/** The kinds of evidence `check` collects, each its own module. */
export type EvidenceKind = 'build' | 'lint' | 'api' | 'tests' | 'coverage' | 'differential' | 'mutation';

/**
 * One finding of one kind of evidence. `status`:
 * - `pass`: the evidence supports the hunk (tests passed, mutants killed, behaviour preserved);
 * - `fail`: the evidence shows a problem (a new type error, a newly failing test, a difference);
 * - `warn`: a weakness, not a failure (lines not covered, surviving mutants);
 * - `unavailable`: the kind could not run here, with the reason (no tsconfig, no test runner, timeout).
 */
export interface Evidence {
  kind: EvidenceKind;
  status: 'pass' | 'fail' | 'warn' | 'unavailable';
  /** One line a person can act on. */
  message: string;
  /** Hunk ids this finding is about; empty = the whole change. */
  hunks: string[];
  /** File and line when the finding points somewhere precise. */
  location?: { path: string; line: number };
  /** Structured details for JSON output (counterexample, test names, mutant descriptions). */
  data?: Record<string, unknown>;
}

/** The verdict of a hunk with its evidence and the one-line reason. */
export interface HunkVerdict {
  hunk: Hunk;
  verdict: Verdict;
  reason: string;
  evidence: Evidence[];
  /** Symbols of the atlas the hunk touches (qualified names). */
  symbols: string[];
}
