/** The mined history of one file: its commits, churn, fixes, co-changed files and how well its fixes lasted. */
import type { DatabaseSync } from 'node:sqlite';
import { coChanged } from './co-changed.ts';
import type { FileCommitRow } from './commit-rows.ts';
import { fileCommitColumns, toFileCommit } from './commit-rows.ts';
import { cachedStatement } from './statements.ts';
import type { CoChange, FileCommit } from './types.ts';

/** How much of what the file's fix commits added is still at HEAD. */
export interface FixSurvival {
  /** Fix commits touching the file whose surviving count is known. */
  measured: number;
  /** Lines those commits added, in all the files they touched. */
  added: number;
  /** Of those, lines HEAD still attributes to them. */
  surviving: number;
  /** surviving / added; null when nothing was measured or nothing was added. */
  share: number | null;
}

/** Everything the mined window says about one file. */
export interface FileHistory {
  path: string;
  commitCount: number;
  added: number;
  deleted: number;
  /** added + deleted. */
  churn: number;
  fixCount: number;
  lastChange: FileCommit | null;
  /** Newest first, at most `limit`. */
  commits: FileCommit[];
  /** Fix commits, newest first, at most `limit`. */
  fixes: FileCommit[];
  /** The 10 files most often changed with it. */
  coChanged: CoChange[];
  survival: FixSurvival;
}

const commitsSql = `SELECT ${fileCommitColumns} FROM file_commits f JOIN commits c ON c.id = f.commit_id
  WHERE f.path = ? ORDER BY f.commit_id DESC LIMIT ?`;
const fixesSql = `SELECT ${fileCommitColumns} FROM file_commits f JOIN commits c ON c.id = f.commit_id
  WHERE f.path = ? AND c.is_fix = 1 ORDER BY f.commit_id DESC LIMIT ?`;
const totalsSql = `SELECT COUNT(*) AS commits, COALESCE(SUM(f.added), 0) AS added, COALESCE(SUM(f.deleted), 0) AS deleted,
  COALESCE(SUM(c.is_fix), 0) AS fixes
  FROM file_commits f JOIN commits c ON c.id = f.commit_id WHERE f.path = ?`;
const survivalSql = `SELECT COUNT(*) AS measured, COALESCE(SUM(c.added), 0) AS added, COALESCE(SUM(c.surviving), 0) AS surviving
  FROM file_commits f JOIN commits c ON c.id = f.commit_id
  WHERE f.path = ? AND c.is_fix = 1 AND c.surviving IS NOT NULL`;

/** The history of `path` (relative to the repository root, its name at HEAD) over the mined window. */
export function fileHistory(db: DatabaseSync, path: string, options: { limit?: number } = {}): FileHistory {
  const limit = options.limit ?? 20;
  const totals = cachedStatement(db, totalsSql).get(path) as { commits: number; added: number; deleted: number; fixes: number };
  const commits = (cachedStatement(db, commitsSql).all(path, Math.max(limit, 1)) as unknown as FileCommitRow[]).map(toFileCommit);
  const fixes = (cachedStatement(db, fixesSql).all(path, limit) as unknown as FileCommitRow[]).map(toFileCommit);
  const survival = cachedStatement(db, survivalSql).get(path) as { measured: number; added: number; surviving: number };
  return {
    path,
    commitCount: totals.commits,
    added: totals.added,
    deleted: totals.deleted,
    churn: totals.added + totals.deleted,
    fixCount: totals.fixes,
    lastChange: commits[0] ?? null,
    commits: commits.slice(0, limit),
    fixes,
    coChanged: coChanged(db, path, 10),
    survival: { ...survival, share: survival.measured > 0 && survival.added > 0 ? survival.surviving / survival.added : null },
  };
}
