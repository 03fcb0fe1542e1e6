/** Secondary indexes of the fact tables, dropped while a cold index loads and built once at the end. */
import type { DatabaseSync } from 'node:sqlite';
import { migrations } from './schema.ts';

const factTables = new Set(['symbols', 'refs', 'imports', 'chunks']);

/** The `CREATE INDEX` statements of the fact tables, as the schema declares them. */
export function factIndexStatements(): { name: string; sql: string }[] {
  const statements: { name: string; sql: string }[] = [];
  for (const migration of migrations) {
    for (const match of migration.matchAll(/CREATE INDEX (\w+) ON (\w+)\(([^;]*);/g)) {
      if (factTables.has(match[2]!)) statements.push({ name: match[1]!, sql: match[0].replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS') });
    }
  }
  return statements;
}

/** Drops the fact indexes: inserting into unindexed tables and sorting once is much faster. */
export function dropFactIndexes(db: DatabaseSync): void {
  for (const { name } of factIndexStatements()) db.exec(`DROP INDEX IF EXISTS ${name}`);
}

/** Creates any missing fact index (after a cold load, or after a run killed during one). */
export function ensureFactIndexes(db: DatabaseSync): void {
  for (const { sql } of factIndexStatements()) db.exec(sql);
}
