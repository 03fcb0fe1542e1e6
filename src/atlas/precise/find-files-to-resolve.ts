/** After an incremental parse, which files the precise pass must resolve again. */
import type { DatabaseSync } from 'node:sqlite';

/**
 * The changed files plus every file whose stored resolutions may now be wrong:
 * - files with refs the writer marked `stale` (their target symbols were deleted with a changed file);
 * - files with refs still targeting symbols of a changed file (when called before the re-parse);
 * - files importing a changed file, directly or through re-exporting files, since names that
 *   did not resolve before may resolve now.
 * Call it after the syntactic pass has rewritten the changed files (or before: both work).
 */
export function findFilesToResolve(db: DatabaseSync, changedPaths: readonly string[]): string[] {
  const result = new Set(changedPaths);
  const fileIdOf = db.prepare('SELECT id FROM files WHERE path = ?');
  const stale = db.prepare("SELECT DISTINCT files.path AS path FROM refs JOIN files ON files.id = refs.file_id WHERE refs.resolution = 'stale'");
  const targeting = db.prepare(`SELECT DISTINCT files.path AS path FROM symbols
    JOIN refs ON refs.target_id = symbols.id JOIN files ON files.id = refs.file_id WHERE symbols.file_id = ?`);
  const importers = db.prepare(`SELECT DISTINCT imports.file_id AS id, files.path AS path, imports.reexport AS reexport
    FROM imports JOIN files ON files.id = imports.file_id WHERE imports.resolved_file_id = ?`);
  for (const row of stale.all() as { path: string }[]) result.add(row.path);
  const queue: number[] = [];
  for (const path of changedPaths) {
    const row = fileIdOf.get(path) as { id: number } | undefined;
    if (row) queue.push(Number(row.id));
  }
  for (const id of queue) {
    for (const row of targeting.all(id) as { path: string }[]) result.add(row.path);
  }
  const visited = new Set(queue);
  for (let index = 0; index < queue.length; index++) {
    for (const row of importers.all(queue[index]!) as { id: number; path: string; reexport: number }[]) {
      result.add(row.path);
      // A file re-exporting the changed one passes its names on: its importers are affected too.
      const id = Number(row.id);
      if (Number(row.reexport) === 1 && !visited.has(id)) {
        visited.add(id);
        queue.push(id);
      }
    }
  }
  return [...result].sort();
}
