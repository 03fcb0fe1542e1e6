/** Keeps a cache folder bounded: the newest entries stay, the oldest go. */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A temporary file this old was left by a writer that died: nobody will rename it into place. */
const abandonedMs = 60 * 60 * 1000;

/**
 * Removes all but the `keep` most recently written entries of `directory`. Files that share a name up to
 * their first dot (`<key>.json` and `<key>.tsbuildinfo`) are one entry. Temporary files (`*.tmp`) of writers
 * still at work are left alone; abandoned ones (older than an hour) go. Returns the removed file names.
 * Never throws: a cache that cannot be pruned only takes more space.
 */
export function pruneCache(directory: string, keep: number, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const remove = (name: string) => {
    try {
      rmSync(join(directory, name), { force: true });
      removed.push(name);
    } catch {
      // left for the next prune
    }
  };
  const entries = new Map<string, { names: string[]; newest: number }>();
  for (const name of names) {
    let modified: number;
    try {
      modified = statSync(join(directory, name)).mtimeMs;
    } catch {
      continue;
    }
    if (name.endsWith('.tmp')) {
      if (now - modified > abandonedMs) remove(name);
      continue;
    }
    const key = name.split('.')[0]!;
    const entry = entries.get(key) ?? { names: [], newest: 0 };
    entry.names.push(name);
    entry.newest = Math.max(entry.newest, modified);
    entries.set(key, entry);
  }
  const oldestFirst = [...entries.values()].sort((left, right) => left.newest - right.newest);
  for (const entry of oldestFirst.slice(0, Math.max(0, oldestFirst.length - keep))) for (const name of entry.names) remove(name);
  return removed;
}
