/** The result of `check`: verdicts per hunk, grouped by file, with what could not be checked. */
import type { Evidence, EvidenceKind, FileChangeKind, HunkVerdict, Intent, Verdict } from '../../core/change.ts';

export interface FileReport {
  path: string;
  kind: FileChangeKind;
  binary: boolean;
  hunks: HunkVerdict[];
}

export interface CheckReport {
  root: string;
  /** What was checked: the working tree, a revision range or a patch file. */
  source: string;
  base: string;
  intent: Intent;
  /** How the intent was chosen: given, or inferred and why. */
  intentSource: string;
  files: FileReport[];
  /** Findings about the change as a whole (a test that wrote outside its worktree, for example). */
  changeEvidence: Evidence[];
  /** Kinds of evidence that could not run, with the reason. */
  unavailable: { kind: EvidenceKind; reason: string }[];
  /** How the check went about its work, worth a line in the report (test selection, a recorded test map). */
  notes: string[];
  counts: Record<Verdict, number>;
  exitCode: number;
  milliseconds: number;
  timings: Partial<Record<EvidenceKind, number>>;
  /** Time spent recording the test map (`--record-tests`), when asked. */
  recordMilliseconds?: number;
}
