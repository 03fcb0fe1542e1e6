/** The options, progress events and result of `mineRepository`. */
import type { Logger } from '../../core/logger.ts';
import type { BenchTask } from '../task-schema.ts';

/** The kinds of task mining builds. */
export type MineKind = 'fix' | 'refactor' | 'localize';

/** Progress of a mining run, for the CLI to show on stderr. */
export type MineEvent =
  | { type: 'scan-end'; commits: number; candidates: number }
  | { type: 'candidate-start'; commit: string; kind: MineKind; index: number; total: number }
  | { type: 'candidate-end'; commit: string; kind: MineKind; kept: boolean; reason?: string; milliseconds: number }
  | { type: 'mine-stop'; reason: 'budget' | 'limit' | 'aborted'; examined: number; remaining: number };

/** What to mine and within which limits. */
export interface MineOptions {
  /** Stop after this many tasks. */
  limit?: number;
  /** Kinds of task to mine (default all three). */
  kinds?: MineKind[];
  /** Time limit of one child process (a test run, a git command), ms (default 120 s, never past the budget). */
  timeoutMs?: number;
  signal?: AbortSignal;
  logger?: Logger;
  /** Write the tasks here as JSON lines (the benchmark task format). */
  out?: string;
  /** Examine at most this many candidate commits, newest first (default 200). */
  maxCandidates?: number;
  /** Only commits after this commit, or since this date (`2024-01-01`, `6 months ago`). */
  since?: string;
  /** Time budget of the whole run in ms (default 30 minutes); candidates not reached are left out. */
  budgetMs?: number;
  onProgress?: (event: MineEvent) => void;
}

/** A candidate commit that did not become a task of one kind, and why. */
export interface RejectedCandidate {
  commit: string;
  kind: MineKind;
  reason: string;
}

/** The tasks mined, the candidates rejected, and the rejections as lines (`problems`, as the contract names them). */
export interface MineResult {
  tasks: BenchTask[];
  rejected: RejectedCandidate[];
  problems: string[];
}
