/** Brings the stored history up to date: mine new commits, write them, then measure fix longevity within a budget. */
import type { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../../core/logger.ts';
import { silentLogger } from '../../core/logger.ts';
import { followRenames } from './follow-renames.ts';
import { measureSurvival } from './measure-survival.ts';
import { defaultMaxCommits, mineCommits } from './mine-commits.ts';
import { pendingFixes } from './pending-fixes.ts';
import { detectRepository } from './repository.ts';
import { updateSurviving, writeHistory } from './write-history.ts';

/** Limits of one refresh. */
export interface RefreshHistoryOptions {
  /** Newest non-merge commits kept (default 20,000). */
  maxCommits?: number;
  /** Time limit of `git log` (default 5 minutes). */
  mineTimeoutMs?: number;
  /** Files larger than this get no line counts, to mine faster (see `MineOptions.largeFileBytes`). */
  largeFileBytes?: number;
  /** Total time for blames (default 60 s); 0 skips longevity. */
  survivalBudgetMs?: number;
  /** Time limit of one blame (default 20 s). */
  blameTimeoutMs?: number;
  /** Blames at once (default 2). */
  blameConcurrency?: number;
  logger?: Logger;
}

/** What a refresh did. */
export interface HistoryRefresh {
  mode: 'full' | 'incremental';
  head: string | null;
  /** Commits git log returned. */
  mined: number;
  inserted: number;
  pruned: number;
  /** False when git log hit its time limit. */
  complete: boolean;
  /** Fix commits whose surviving count was computed now, and those still unknown. */
  survivalComputed: number;
  survivalPending: number;
  mineMs: number;
  writeMs: number;
  survivalMs: number;
}

/** The sha of the newest stored commit (largest id), or null when nothing is stored. */
export function newestStoredSha(db: DatabaseSync): string | null {
  const row = db.prepare('SELECT sha FROM commits ORDER BY id DESC LIMIT 1').get() as { sha: string } | undefined;
  return row?.sha ?? null;
}

/**
 * Mines (incrementally when possible), stores, and measures surviving lines of fix commits not yet
 * measured. Null when `root` is not in a git work tree: history is unavailable, nothing is written.
 */
export async function refreshHistory(
  root: string,
  db: DatabaseSync,
  options: RefreshHistoryOptions = {},
): Promise<HistoryRefresh | null> {
  const logger = options.logger ?? silentLogger;
  const repository = await detectRepository(root, { logger });
  if (repository === null) {
    logger.info('history: not a git work tree; history unavailable');
    return null;
  }
  const maxCommits = options.maxCommits ?? defaultMaxCommits;
  const started = Date.now();
  const mined = await mineCommits(repository, {
    since: newestStoredSha(db),
    maxCommits,
    logger,
    ...(options.mineTimeoutMs !== undefined ? { timeoutMs: options.mineTimeoutMs } : {}),
    ...(options.largeFileBytes !== undefined ? { largeFileBytes: options.largeFileBytes } : {}),
  });
  const mineMs = Date.now() - started;
  const { commits, renames } = followRenames(mined.commits);
  const written = writeHistory(db, { commits, renames, replace: mined.mode === 'full', maxCommits });
  const writeMs = Date.now() - started - mineMs;
  const fixes = pendingFixes(db);
  const survival = await measureSurvival(repository, fixes, {
    logger,
    ...(options.survivalBudgetMs !== undefined ? { budgetMs: options.survivalBudgetMs } : {}),
    ...(options.blameTimeoutMs !== undefined ? { timeoutMs: options.blameTimeoutMs } : {}),
    ...(options.blameConcurrency !== undefined ? { concurrency: options.blameConcurrency } : {}),
  });
  updateSurviving(db, survival.surviving);
  logger.info(
    `history: ${mined.mode} mine, ${written.inserted} new commits; surviving lines known for ${survival.surviving.size} more fixes, ${survival.pending} pending`,
  );
  return {
    mode: mined.mode, head: mined.head, mined: mined.commits.length, inserted: written.inserted, pruned: written.pruned,
    complete: mined.complete, survivalComputed: survival.surviving.size, survivalPending: survival.pending,
    mineMs, writeMs, survivalMs: survival.elapsedMs,
  };
}
