/** Reads lines of indexed files for query output, caching each file once per query. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Returns a function giving the trimmed text of a 1-based line ('' when unreadable). */
export function createLineReader(root: string): (path: string, line: number) => string {
  const cache = new Map<string, string[] | null>();
  return (path, line) => {
    let lines = cache.get(path);
    if (lines === undefined) {
      try {
        lines = readFileSync(join(root, path), 'utf8').split('\n');
      } catch {
        lines = null;
      }
      cache.set(path, lines);
    }
    return (lines?.[line - 1] ?? '').trim().slice(0, 200);
  };
}
