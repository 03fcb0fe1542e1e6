/** The history stage of an index run: mine new commits and measure fix longevity within a budget. */
import type { DatabaseSync } from 'node:sqlite';
import { silentLogger } from '../../core/logger.ts';
import { refreshHistory } from '../history/index.ts';
import type { IndexOptions, StageTimer } from './run-index.ts';
import type { IndexSummary } from './summary.ts';

/** Runs the history stage and records what it did in `summary`. */
export async function updateHistory(
  db: DatabaseSync,
  root: string,
  options: IndexOptions,
  summary: IndexSummary,
  stage: StageTimer,
): Promise<void> {
  stage.start('history');
  const refresh = await refreshHistory(root, db, {
    survivalBudgetMs: options.longevityBudgetMs,
    logger: options.logger ?? silentLogger,
  });
  if (!refresh) {
    summary.history = { unavailable: 'not a git repository (history left out)' };
    stage.end('history', 'no git');
    return;
  }
  const count = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
  summary.history = {
    commits: count('SELECT count(*) AS n FROM commits'),
    newCommits: refresh.inserted,
    fixCommits: count('SELECT count(*) AS n FROM commits WHERE is_fix = 1'),
  };
  if (!refresh.complete) stage.warn('git log hit its time limit; history is partial and the next run continues');
  stage.end(
    'history',
    `${refresh.mode}, ${refresh.inserted} new commits; longevity of ${refresh.survivalComputed} fixes measured, ${refresh.survivalPending} pending`,
  );
}
