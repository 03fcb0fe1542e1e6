/** Writes mined history into the index database in one transaction, safe to repeat and to run incrementally. */
import type { DatabaseSync } from 'node:sqlite';
import { recomputeCoChanges } from './co-changes.ts';
import type { CommitFact } from './types.ts';

/** What `writeHistory` stores. */
export interface HistoryFacts {
  /** Commits newest first, paths already at their HEAD names (see `followRenames`). */
  commits: readonly CommitFact[];
  /** Name before these commits → name at HEAD, applied to paths stored by earlier runs. */
  renames?: ReadonlyMap<string, string>;
  /** True for a full re-mine: everything stored before is dropped. */
  replace: boolean;
  /** Keep only this many newest commits (by insertion order). */
  maxCommits?: number;
}

/** What `writeHistory` changed. */
export interface WriteSummary {
  inserted: number;
  /** Commits already stored (seen again through a merged branch). */
  skipped: number;
  /** Old commits removed to keep `maxCommits`. */
  pruned: number;
  /** Stored fix commits whose surviving count was reset because new commits touched their files. */
  invalidated: number;
}

/** Runs `work` inside `BEGIN IMMEDIATE` … `COMMIT`, rolling back when it throws. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const value = work();
    db.exec('COMMIT');
    return value;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

function applyRenames(db: DatabaseSync, renames: ReadonlyMap<string, string>): void {
  db.exec('DROP TABLE IF EXISTS history_renames');
  db.exec('CREATE TEMP TABLE history_renames(old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID');
  try {
    const add = db.prepare('INSERT INTO history_renames(old, new) VALUES (?, ?)');
    for (const [from, to] of renames) add.run(from, to);
    db.exec(`
      DROP TABLE IF EXISTS history_moved;
      CREATE TEMP TABLE history_moved AS
        SELECT r.new AS path, f.commit_id, f.added, f.deleted
        FROM file_commits f JOIN history_renames r ON r.old = f.path;
      DELETE FROM file_commits WHERE path IN (SELECT old FROM history_renames);
      INSERT INTO file_commits(path, commit_id, added, deleted)
        SELECT path, commit_id, SUM(added), SUM(deleted) FROM history_moved WHERE true GROUP BY path, commit_id
        ON CONFLICT(path, commit_id) DO UPDATE SET added = added + excluded.added, deleted = deleted + excluded.deleted;
      DROP TABLE history_moved;
    `);
  } finally {
    db.exec('DROP TABLE history_renames');
  }
}

function insertCommits(db: DatabaseSync, commits: readonly CommitFact[]): { inserted: number; skipped: number } {
  const insertCommit = db.prepare(
    `INSERT INTO commits(sha, author, time, subject, message, is_fix, issues, files_changed, added, deleted)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sha) DO NOTHING RETURNING id`,
  );
  const insertFile = db.prepare(
    `INSERT INTO file_commits(path, commit_id, added, deleted) VALUES (?, ?, ?, ?)
     ON CONFLICT(path, commit_id) DO UPDATE SET added = added + excluded.added, deleted = deleted + excluded.deleted`,
  );
  let inserted = 0;
  // Oldest first, so a larger id always means a newer commit.
  for (let index = commits.length - 1; index >= 0; index--) {
    const commit = commits[index];
    if (!commit) continue;
    const added = commit.files.reduce((sum, file) => sum + file.added, 0);
    const deleted = commit.files.reduce((sum, file) => sum + file.deleted, 0);
    const row = insertCommit.get(
      commit.sha, commit.author, commit.time, commit.subject, commit.message, commit.isFix ? 1 : 0,
      commit.issues.join(','), commit.files.length, added, deleted,
    ) as { id: number } | undefined;
    if (!row) continue;
    inserted++;
    for (const file of commit.files) insertFile.run(file.path, row.id, file.added, file.deleted);
  }
  return { inserted, skipped: commits.length - inserted };
}

// New commits may have rewritten lines of older fixes: their surviving counts must be measured again.
function invalidateSurviving(db: DatabaseSync, firstNewId: number): number {
  const result = db
    .prepare(
      `UPDATE commits SET surviving = NULL
       WHERE is_fix = 1 AND surviving IS NOT NULL AND id < ?1 AND id IN (
         SELECT old.commit_id FROM file_commits old
         WHERE old.path IN (SELECT path FROM file_commits WHERE commit_id >= ?1))`,
    )
    .run(firstNewId);
  return Number(result.changes);
}

function prune(db: DatabaseSync, maxCommits: number): number {
  const cutoff = db.prepare('SELECT id FROM commits ORDER BY id DESC LIMIT 1 OFFSET ?').get(maxCommits) as
    | { id: number }
    | undefined;
  if (!cutoff) return 0;
  db.prepare('DELETE FROM file_commits WHERE commit_id <= ?').run(cutoff.id);
  return Number(db.prepare('DELETE FROM commits WHERE id <= ?').run(cutoff.id).changes);
}

/**
 * Stores commits and their files and recomputes co_changes, in one transaction. Commits already
 * stored (same sha) are skipped, so running it again with the same facts changes nothing.
 */
export function writeHistory(db: DatabaseSync, facts: HistoryFacts): WriteSummary {
  return inTransaction(db, () => {
    if (facts.replace) db.exec('DELETE FROM file_commits; DELETE FROM commits; DELETE FROM co_changes;');
    const { next } = db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM commits').get() as { next: number };
    if (!facts.replace && facts.renames && facts.renames.size > 0) applyRenames(db, facts.renames);
    const { inserted, skipped } = insertCommits(db, facts.commits);
    const invalidated = facts.replace || inserted === 0 ? 0 : invalidateSurviving(db, next);
    const pruned = facts.maxCommits === undefined ? 0 : prune(db, facts.maxCommits);
    if (inserted > 0 || pruned > 0 || (facts.renames?.size ?? 0) > 0 || facts.replace) recomputeCoChanges(db);
    return { inserted, skipped, pruned, invalidated };
  });
}

/** Sets `commits.surviving` for the given shas in one transaction; returns how many rows changed. */
export function updateSurviving(db: DatabaseSync, surviving: ReadonlyMap<string, number>): number {
  if (surviving.size === 0) return 0;
  return inTransaction(db, () => {
    const update = db.prepare('UPDATE commits SET surviving = ? WHERE sha = ?');
    let changed = 0;
    for (const [sha, lines] of surviving) changed += Number(update.run(lines, sha).changes);
    return changed;
  });
}
