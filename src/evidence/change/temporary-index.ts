/** A throw-away git index file, so that staging the working tree never writes the user's `.git/index`. */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs `work` with the path of a fresh index file in a temp folder, seeded with a copy of
 * `seedFrom` when given and present (a copy keeps git's stat cache, so `git add -A` only hashes
 * files that changed). The folder is removed afterwards, also on error.
 */
export async function withTemporaryIndex<T>(work: (indexFile: string, seeded: boolean) => Promise<T>, seedFrom?: string): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), 'codewright-index-'));
  const indexFile = join(folder, 'index');
  try {
    const seeded = seedFrom !== undefined && existsSync(seedFrom);
    if (seeded) copyFileSync(seedFrom, indexFile);
    return await work(indexFile, seeded);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
