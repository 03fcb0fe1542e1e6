/** A cold build's database: a new file written without a journal, put in place of the index only when complete. */
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../../core/logger.ts';
import { dataDirectory, databasePath, ensureDataDirectory, migrate, openIndex } from './database.ts';

/** Where a cold build writes until it is complete. */
export function freshIndexPath(root: string): string {
  return `${databasePath(root)}.building`;
}

/** Removes what a killed cold build left behind; the caller holds the index lock. */
export function discardFreshIndex(root: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(freshIndexPath(root) + suffix, { force: true });
}

/**
 * Opens a new, empty, migrated database beside the index (the caller holds the index lock). It has
 * no journal and is never synced while it loads: a crash can only damage this file, which nothing
 * reads, and the next run starts it again; the index in place, if any, stays as it was.
 */
export function openFreshIndex(root: string): DatabaseSync {
  ensureDataDirectory(root);
  discardFreshIndex(root);
  const db = new DatabaseSync(freshIndexPath(root));
  db.exec(`
    PRAGMA journal_mode = OFF;
    PRAGMA synchronous = OFF;
    PRAGMA locking_mode = EXCLUSIVE;
    PRAGMA temp_store = MEMORY;
    PRAGMA cache_size = -65536;
  `);
  migrate(db);
  return db;
}

function syncPath(path: string): void {
  const descriptor = openSync(path, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Puts the fresh database in place of the index: switches it to WAL, closes it, flushes it to disk,
 * and renames it over the index in one step. Returns the index opened as usual for the rest of the run.
 */
export function publishFreshIndex(db: DatabaseSync, root: string, logger?: Logger): DatabaseSync {
  db.exec('PRAGMA journal_mode = WAL');
  db.close();
  const fresh = freshIndexPath(root);
  const target = databasePath(root);
  syncPath(fresh);
  // The old index's WAL must never be replayed into the new file: remove it first. A crash in
  // between leaves the old index without its last uncheckpointed commits, still consistent.
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
  renameSync(fresh, target);
  try {
    syncPath(dataDirectory(root)); // the rename itself; not every platform syncs a folder
  } catch {
    // the file is synced; a lost rename leaves the previous index, as a crash before it would
  }
  return openIndex(root, { writable: true, logger });
}
