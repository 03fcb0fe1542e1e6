/** Reads the fix commits whose surviving-line count is not yet known, with the files they added lines to. */
import type { DatabaseSync } from 'node:sqlite';

/** A fix commit still to measure. */
export interface PendingFix {
  sha: string;
  /** Files (HEAD names) the commit changed, with the lines it added to each. */
  files: { path: string; added: number }[];
}

/** Fix commits with `surviving` NULL, newest first. */
export function pendingFixes(db: DatabaseSync): PendingFix[] {
  const rows = db
    .prepare(
      `SELECT c.sha AS sha, f.path AS path, f.added AS added
       FROM commits c LEFT JOIN file_commits f ON f.commit_id = c.id
       WHERE c.is_fix = 1 AND c.surviving IS NULL
       ORDER BY c.id DESC`,
    )
    .all() as { sha: string; path: string | null; added: number | null }[];
  const fixes: PendingFix[] = [];
  let last: PendingFix | undefined;
  for (const row of rows) {
    if (last?.sha !== row.sha) {
      last = { sha: row.sha, files: [] };
      fixes.push(last);
    }
    if (row.path !== null) last.files.push({ path: row.path, added: row.added ?? 0 });
  }
  return fixes;
}
