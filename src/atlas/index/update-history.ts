/** The history stage of an index run: mine new commits and measure fix longevity within a budget. */
import type { DatabaseSync } from 'node:sqlite';
import { silentLogger } from '../../core/logger.ts';
import { parseJson } from '../../core/result.ts';
import { readMeta, transaction, writeMeta } from '../store/database.ts';
import { currentHead } from './git-head.ts';
import type { IndexOptions, StageTimer } from './run-index.ts';
import type { IndexSummary } from './summary.ts';

/** Blame time per run for bug-fix longevity; what is left is measured by later runs. */
export const defaultLongevityBudgetMs = 15_000;

/**
 * Runs the history stage and records what it did in `summary`. `head` is `currentHead(root)` when
 * the caller started it earlier (git, if it has to run, then runs while files are scanned and parsed).
 */
export async function updateHistory(
  db: DatabaseSync,
  root: string,
  options: IndexOptions,
  summary: IndexSummary,
  stage: StageTimer,
  head?: Promise<string | null>,
): Promise<void> {
  stage.start('history');
  // Fast path: HEAD unchanged since the last complete mine. Longevity still pending is measured when
  // new commits arrive, or now when --longevity-budget is given explicitly.
  const commit = await (head ?? currentHead(root));
  if (commit && readMeta(db, 'history_head') === commit && options.longevityBudgetMs === undefined) {
    summary.history = storedCounts(db, commit) ?? recordCounts(db, commit, countHistory(db, 0));
    stage.end('history', 'HEAD unchanged');
    return;
  }
  // Loaded only when there is something to mine: most runs take the fast path above.
  const { refreshHistory } = await import('../history/refresh-history.ts');
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
  const counts = countHistory(db, refresh.inserted);
  summary.history = counts;
  const minedHead = refresh.complete ? (refresh.head ?? '') : '';
  transaction(db, () => {
    writeMeta(db, 'history_head', minedHead);
    recordCounts(db, minedHead, counts);
  });
  if (!refresh.complete) stage.warn('git log hit its time limit; history is partial and the next run continues');
  stage.end(
    'history',
    `${refresh.mode}, ${refresh.inserted} new commits; longevity of ${refresh.survivalComputed} fixes measured, ${refresh.survivalPending} pending`,
  );
}

/** The counts recorded when HEAD was last mined (counting fix commits scans the whole table). */
function storedCounts(db: DatabaseSync, head: string): HistoryCounts | undefined {
  const parsed = parseJson(readMeta(db, 'history_counts') ?? '');
  const value = parsed.success ? (parsed.value as { head?: unknown; commits?: unknown; fixCommits?: unknown } | null) : null;
  if (value?.head !== head || typeof value.commits !== 'number' || typeof value.fixCommits !== 'number') return undefined;
  return { commits: value.commits, newCommits: 0, fixCommits: value.fixCommits };
}

/** Records the counts for `head` (inside a transaction, or as one). */
function recordCounts(db: DatabaseSync, head: string, counts: HistoryCounts): HistoryCounts {
  const write = () => writeMeta(db, 'history_counts', JSON.stringify({ head, commits: counts.commits, fixCommits: counts.fixCommits }));
  if (db.isTransaction) write();
  else transaction(db, write);
  return counts;
}

interface HistoryCounts {
  commits: number;
  newCommits: number;
  fixCommits: number;
}

function countHistory(db: DatabaseSync, newCommits: number): HistoryCounts {
  const count = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
  return {
    commits: count('SELECT count(*) AS n FROM commits'),
    newCommits,
    fixCommits: count('SELECT count(*) AS n FROM commits WHERE is_fix = 1'),
  };
}
