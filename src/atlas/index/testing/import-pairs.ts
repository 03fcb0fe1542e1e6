/** Every import of an index as `importer source -> target` ('-' when unresolved), sorted: for tests. */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export function importPairs(db: DatabaseSync): string[] {
  return (
    db
      .prepare(
        `SELECT files.path || ' ' || imports.source || ' -> ' || coalesce(targets.path, '-') AS line FROM imports
         JOIN files ON files.id = imports.file_id LEFT JOIN files AS targets ON targets.id = imports.resolved_file_id ORDER BY line`,
      )
      .all() as { line: string }[]
  ).map((row) => row.line);
}

/** `importPairs` of the index of the repository at `root`. */
export function indexedImportPairs(root: string): string[] {
  const db = new DatabaseSync(join(root, '.codewright', 'index.db'), { readOnly: true });
  try {
    return importPairs(db);
  } finally {
    db.close();
  }
}
