/** Secondary indexes of the fact tables, dropped while a cold index loads and built once at the end. */
import type { DatabaseSync } from 'node:sqlite';
import { migrations } from './schema.ts';

const factTables = new Set(['symbols', 'refs', 'imports', 'chunks']);
/**
 * Partial indexes over columns that no load writes: `refs.target_id` is set by the precise pass only,
 * after the load. Kept during a cold load they hold nothing and cost nothing; built after it, each is
 * a full scan of its table (28 ms of refs on vercel/ai).
 */
const emptyDuringLoad = new Set(['refs_target']);

/** The `CREATE INDEX` statements of the fact tables, as the migrations leave them (later drops count). */
export function factIndexStatements(): { name: string; sql: string }[] {
  const statements = new Map<string, string>();
  for (const migration of migrations) {
    for (const match of migration.matchAll(/CREATE INDEX (\w+) ON (\w+)\(([^;]*);|DROP INDEX (?:IF EXISTS )?(\w+);/g)) {
      if (match[4]) statements.delete(match[4]);
      else if (factTables.has(match[2]!)) statements.set(match[1]!, match[0].replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'));
    }
  }
  return [...statements].map(([name, sql]) => ({ name, sql }));
}

/**
 * Drops the fact indexes that a cold load would maintain row by row: inserting into unindexed tables
 * and sorting once is much faster.
 */
export function dropFactIndexes(db: DatabaseSync): void {
  for (const { name } of factIndexStatements()) if (!emptyDuringLoad.has(name)) db.exec(`DROP INDEX IF EXISTS ${name}`);
}

/** Creates any missing fact index (after a cold load, or after a run killed during one). */
export function ensureFactIndexes(db: DatabaseSync): void {
  for (const { sql } of factIndexStatements()) db.exec(sql);
}
