/** The contract between the check orchestrator and each kind of evidence. */
import type { DatabaseSync } from 'node:sqlite';
import type { Change, Evidence, EvidenceKind, Hunk, Intent } from '../core/change.ts';
import type { Logger } from '../core/logger.ts';

/** A definition of the atlas that a hunk touches, located in the changed worktree. */
export interface TouchedSymbol {
  hunkId: string;
  qualifiedName: string;
  kind: string;
  path: string;
  startLine: number;
  endLine: number;
  exported: boolean;
  language: string;
}

/** Everything a kind of evidence may read. Only worktrees under .codewright/worktrees are written. */
export interface CheckContext {
  /** The user's repository: read, never written. */
  root: string;
  /** A git worktree at the base revision. */
  baseDir: string;
  /** A git worktree at the base revision with the change applied. */
  changeDir: string;
  change: Change;
  hunks: Hunk[];
  intent: Intent;
  /** Definitions each hunk touches (new side), by hunk id. */
  touched: Map<string, TouchedSymbol[]>;
  /** The atlas index of the user's repository (read-only), when present. */
  atlas?: DatabaseSync;
  /** Run the whole test suite, not just impacted tests. */
  full: boolean;
  /** Time limit of one child process (test run, type-check), ms. */
  timeoutMs: number;
  logger: Logger;
  signal?: AbortSignal;
  /** The kinds of evidence this check runs, so that a kind can prepare what a later one needs (nothing is prepared when absent). */
  kinds?: ReadonlySet<EvidenceKind>;
  /** Results of kinds that ran earlier, for kinds that build on them (mutation uses tests). */
  shared: Map<string, unknown>;
  /** Lines for the report about how the work was done (which tests were selected and why). */
  notes?: string[];
}

/** One kind of evidence. Implementations never throw for expected trouble: they return `unavailable`. */
export interface EvidenceProvider {
  specificationVersion: 'v1';
  kind: EvidenceKind;
  doCheck(context: CheckContext): Promise<Evidence[]>;
}
