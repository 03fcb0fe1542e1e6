/** Recomputes file pairs that change together from the stored file_commits, in SQL. */
import type { DatabaseSync } from 'node:sqlite';

/** Commits touching more files than this are sweeping changes (formatting, renames) and pair nothing. */
export const coChangeMaxFiles = 50;

/** Pairs changed together fewer times than this are not stored. */
export const coChangeMinCount = 2;

/** Replaces co_changes with the pairs counted over all stored commits; call inside a transaction. */
export function recomputeCoChanges(db: DatabaseSync): void {
  db.exec('DELETE FROM co_changes');
  db.prepare(
    `INSERT INTO co_changes(path_a, path_b, count)
     SELECT a.path, b.path, COUNT(*)
     FROM commits c
     JOIN file_commits a ON a.commit_id = c.id
     JOIN file_commits b ON b.commit_id = c.id AND a.path < b.path
     WHERE c.files_changed BETWEEN 2 AND ?
     GROUP BY a.path, b.path
     HAVING COUNT(*) >= ?`,
  ).run(coChangeMaxFiles, coChangeMinCount);
}
