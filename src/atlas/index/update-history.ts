/** The history stage of an index run: mine new commits and measure fix longevity within a budget. */
import type { DatabaseSync } from 'node:sqlite';
import { silentLogger } from '../../core/logger.ts';
import { detectRepository, refreshHistory } from '../history/index.ts';
import { readMeta, transaction, writeMeta } from '../store/database.ts';
import type { IndexOptions, StageTimer } from './run-index.ts';
import type { IndexSummary } from './summary.ts';

/** Blame time per run for bug-fix longevity; what is left is measured by later runs. */
export const defaultLongevityBudgetMs = 15_000;

/** Runs the history stage and records what it did in `summary`. */
export async function updateHistory(
  db: DatabaseSync,
  root: string,
  options: IndexOptions,
  summary: IndexSummary,
  stage: StageTimer,
): Promise<void> {
  stage.start('history');
  // Fast path: HEAD unchanged since the last complete mine. Longevity still pending is measured when
  // new commits arrive, or now when --longevity-budget is given explicitly.
  const repository = await detectRepository(root);
  if (repository?.head && readMeta(db, 'history_head') === repository.head && options.longevityBudgetMs === undefined) {
    summary.history = countHistory(db, 0);
    stage.end('history', 'HEAD unchanged');
    return;
  }
  let refresh: Awaited<ReturnType<typeof refreshHistory>>;
  try {
    refresh = await refreshHistory(root, db, {
      survivalBudgetMs: options.longevityBudgetMs ?? defaultLongevityBudgetMs,
      // Files too large to index get no line counts either: diffing them dominates `git log`.
      largeFileBytes: options.maxFileSize ?? 1024 * 1024,
      logger: options.logger ?? silentLogger,
    });
  } catch (error) {
    // History is an addition to the index, never a reason to fail it (a shallow or damaged clone).
    const reason = error instanceof Error ? error.message : String(error);
    stage.warn(`history left out: ${reason}`);
    summary.history = { unavailable: `history left out: ${reason}` };
    stage.end('history', 'failed');
    return;
  }
  if (!refresh) {
    summary.history = { unavailable: 'not a git repository (history left out)' };
    stage.end('history', 'no git');
    return;
  }
  summary.history = countHistory(db, refresh.inserted);
  transaction(db, () => writeMeta(db, 'history_head', refresh.complete ? (refresh.head ?? '') : ''));
  if (!refresh.complete) stage.warn('git log hit its time limit; history is partial and the next run continues');
  stage.end(
    'history',
    `${refresh.mode}, ${refresh.inserted} new commits; longevity of ${refresh.survivalComputed} fixes measured, ${refresh.survivalPending} pending`,
  );
}

function countHistory(db: DatabaseSync, newCommits: number): IndexSummary['history'] {
  const count = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
  return {
    commits: count('SELECT count(*) AS n FROM commits'),
    newCommits,
    fixCommits: count('SELECT count(*) AS n FROM commits WHERE is_fix = 1'),
  };
}
