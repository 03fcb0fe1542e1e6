/** How many fix commits touched each file, for ranking search results. */
import type { DatabaseSync } from 'node:sqlite';
import { cachedStatement } from './statements.ts';

const sql = `
  SELECT f.path AS path, COUNT(*) AS fixes
  FROM file_commits f JOIN commits c ON c.id = f.commit_id
  WHERE c.is_fix = 1
  GROUP BY f.path`;

/** path → number of fix commits that changed it, over the mined window; files without fixes are absent. */
export function fixCountsByFile(db: DatabaseSync): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of cachedStatement(db, sql).all() as { path: string; fixes: number }[]) counts.set(row.path, row.fixes);
  return counts;
}
