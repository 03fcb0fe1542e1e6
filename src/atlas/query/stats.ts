/** `stats`: what the index holds and how fresh it is. */
import type { DatabaseSync } from 'node:sqlite';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readMeta, databasePath } from '../store/database.ts';
import { parseJson } from '../../core/result.ts';

export interface IndexStats {
  root: string;
  indexedAt: string | null;
  databaseBytes: number;
  files: Record<string, number>;
  /** Files in languages codewright does not parse, by extension. */
  otherFiles: Record<string, number>;
  languages: Record<string, number>;
  symbols: number;
  references: number;
  preciseReferences: number;
  imports: number;
  resolvedImports: number;
  commits: number;
  fixCommits: number;
  /** Indexed files whose size or mtime on disk differ from the index (re-run `index`). */
  stale: string[];
  missing: string[];
}

function otherFiles(db: DatabaseSync): Record<string, number> {
  const parsed = parseJson(readMeta(db, 'other_files') ?? '{}');
  return parsed.success && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Record<string, number>) : {};
}

/** Counts the index's contents and checks freshness against the files on disk. */
export function indexStats(db: DatabaseSync, root: string): IndexStats {
  const count = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
  const group = (sql: string) =>
    Object.fromEntries((db.prepare(sql).all() as { key: string; n: number }[]).map((row) => [row.key ?? 'unknown', Number(row.n)]));
  const stale: string[] = [];
  const missing: string[] = [];
  for (const row of db.prepare("SELECT path, size, mtime_ms AS mtimeMs FROM files").all() as {
    path: string;
    size: number;
    mtimeMs: number;
  }[]) {
    try {
      const stats = statSync(join(root, row.path));
      if (stats.size !== Number(row.size) || Math.trunc(stats.mtimeMs) !== Number(row.mtimeMs)) stale.push(row.path);
    } catch {
      missing.push(row.path);
    }
  }
  let databaseBytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      databaseBytes += statSync(databasePath(root) + suffix).size;
    } catch {
      // absent WAL
    }
  }
  return {
    root,
    indexedAt: readMeta(db, 'indexed_at') ?? null,
    databaseBytes,
    files: group('SELECT status AS key, count(*) AS n FROM files GROUP BY status'),
    otherFiles: otherFiles(db),
    languages: group("SELECT language AS key, count(*) AS n FROM files WHERE status IN ('indexed', 'partial') GROUP BY language ORDER BY n DESC"),
    symbols: count('SELECT count(*) AS n FROM symbols'),
    references: count('SELECT count(*) AS n FROM refs'),
    preciseReferences: count("SELECT count(*) AS n FROM refs WHERE resolution = 'precise'"),
    imports: count('SELECT count(*) AS n FROM imports'),
    resolvedImports: count('SELECT count(*) AS n FROM imports WHERE resolved_file_id IS NOT NULL'),
    commits: count('SELECT count(*) AS n FROM commits'),
    fixCommits: count('SELECT count(*) AS n FROM commits WHERE is_fix = 1'),
    stale,
    missing,
  };
}
