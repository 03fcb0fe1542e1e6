/** Files that most often change in the same commits as a given file. */
import type { DatabaseSync } from 'node:sqlite';
import { coChangeMaxFiles } from './co-changes.ts';
import { cachedStatement } from './statements.ts';
import type { CoChange } from './types.ts';

const pairsSql = `
  SELECT path_b AS path, count FROM co_changes WHERE path_a = ?1
  UNION ALL
  SELECT path_a AS path, count FROM co_changes WHERE path_b = ?1
  ORDER BY count DESC, path
  LIMIT ?2`;

const commitsSql = `
  SELECT COUNT(*) AS commits FROM file_commits f JOIN commits c ON c.id = f.commit_id
  WHERE f.path = ? AND c.files_changed <= ${coChangeMaxFiles}`;

/** Up to `limit` files changed together with `path` at least twice, most often first. */
export function coChanged(db: DatabaseSync, path: string, limit = 10): CoChange[] {
  const rows = cachedStatement(db, pairsSql).all(path, limit) as { path: string; count: number }[];
  if (rows.length === 0) return [];
  const { commits } = cachedStatement(db, commitsSql).get(path) as { commits: number };
  return rows.map((row) => ({ path: row.path, count: row.count, share: commits > 0 ? row.count / commits : 0 }));
}
