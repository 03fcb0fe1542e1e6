/** The files that change the most and that needed the most fixes over the mined window. */
import type { DatabaseSync } from 'node:sqlite';
import { cachedStatement } from './statements.ts';

/** One file's activity. */
export interface Hotspot {
  path: string;
  commits: number;
  added: number;
  deleted: number;
  /** added + deleted. */
  churn: number;
  fixes: number;
  /** Time of the newest commit, Unix seconds. */
  lastChange: number;
}

/** Files ranked two ways. */
export interface Hotspots {
  byChurn: Hotspot[];
  /** Files with at least one fix, most fixes first. */
  byFixes: Hotspot[];
}

/** Which commits count. */
export interface HotspotOptions {
  limit?: number;
  /** Only commits at or after this time (Unix seconds). */
  since?: number;
  /** Only files present in the index's `files` table (drops deleted files). */
  indexedOnly?: boolean;
}

function rankSql(indexedOnly: boolean, order: 'churn' | 'fixes'): string {
  return `
    SELECT f.path AS path, COUNT(*) AS commits, SUM(f.added) AS added, SUM(f.deleted) AS deleted,
      SUM(f.added + f.deleted) AS churn, SUM(c.is_fix) AS fixes, MAX(c.time) AS lastChange
    FROM file_commits f JOIN commits c ON c.id = f.commit_id
    WHERE c.time >= ?${indexedOnly ? ' AND EXISTS (SELECT 1 FROM files i WHERE i.path = f.path)' : ''}
    GROUP BY f.path
    ${order === 'fixes' ? 'HAVING SUM(c.is_fix) > 0 ORDER BY fixes DESC, churn DESC' : 'ORDER BY churn DESC, commits DESC'}, f.path
    LIMIT ?`;
}

/** The top `limit` (default 20) files by churn and by number of fix commits. */
export function hotspots(db: DatabaseSync, options: HotspotOptions = {}): Hotspots {
  const limit = options.limit ?? 20;
  const since = options.since ?? 0;
  const indexedOnly = options.indexedOnly ?? false;
  const rank = (order: 'churn' | 'fixes') =>
    (cachedStatement(db, rankSql(indexedOnly, order)).all(since, limit) as unknown as Hotspot[]).map((row) => ({ ...row }));
  return { byChurn: rank('churn'), byFixes: rank('fixes') };
}
