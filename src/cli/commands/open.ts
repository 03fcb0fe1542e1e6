/** Opens a repository's index for a query command. */
import type { DatabaseSync } from 'node:sqlite';
import { resolveRoot } from '../../atlas/index/run-index.ts';
import { openIndex } from '../../atlas/store/database.ts';

/** Runs `work` with the read-only index of `path`, closing it afterwards. */
export function withIndex<T>(path: string | undefined, work: (db: DatabaseSync, root: string) => T): T {
  const root = resolveRoot(path ?? '.');
  const db = openIndex(root, { writable: false });
  try {
    return work(db, root);
  } finally {
    db.close();
  }
}

/** Like withIndex, for asynchronous work. */
export async function withIndexAsync<T>(path: string | undefined, work: (db: DatabaseSync, root: string) => Promise<T>): Promise<T> {
  const root = resolveRoot(path ?? '.');
  const db = openIndex(root, { writable: false });
  try {
    return await work(db, root);
  } finally {
    db.close();
  }
}
