/** Which files of the user's tree no longer hold what they held when a run started (its base commit). */
import { lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { GitOptions } from '../../evidence/workspace/git.ts';
import { gitOutput } from '../../evidence/workspace/git.ts';

/** A file that changed in the user's tree since the run's base. */
export interface BaseConflict {
  path: string;
  /** `modified`: other content; `created`: exists now but not in the base; `deleted`: gone now. */
  change: 'modified' | 'created' | 'deleted';
}

interface TreeEntry {
  mode: string;
  object: string;
}

async function baseEntries(run: GitOptions, base: string, paths: readonly string[]): Promise<Map<string, TreeEntry>> {
  const entries = new Map<string, TreeEntry>();
  // In slices, so that a change of thousands of files stays under the command-line length limit.
  for (let start = 0; start < paths.length; start += 500) {
    const slice = paths.slice(start, start + 500);
    const listing = await gitOutput(['ls-tree', '-r', '-z', '--full-tree', base, '--', ...slice], { ...run, env: { GIT_LITERAL_PATHSPECS: '1' }, maxOutputBytes: 64 * 1024 * 1024 });
    for (const line of listing.split('\0')) {
      const match = /^(\d+) \w+ ([0-9a-f]+)\t(.*)$/s.exec(line);
      if (match) entries.set(match[3]!, { mode: match[1]!, object: match[2]! });
    }
  }
  return entries;
}

// Object ids of the user's files as `git add` would store them (clean filters and line endings applied by path).
async function currentObjects(run: GitOptions, paths: readonly string[]): Promise<Map<string, string>> {
  const objects = new Map<string, string>();
  const batch = paths.filter((path) => !path.includes('\n'));
  if (batch.length > 0) {
    const ids = (await gitOutput(['hash-object', '--stdin-paths'], { ...run, input: `${batch.join('\n')}\n` })).trim().split('\n');
    batch.forEach((path, index) => objects.set(path, ids[index] ?? ''));
  }
  for (const path of paths.filter((item) => item.includes('\n'))) objects.set(path, (await gitOutput(['hash-object', '--', path], run)).trim());
  return objects;
}

/**
 * Compares each of `paths` in the user's tree at `topLevel` with its content in the commit
 * `base`: regular files by git object id, symlinks by target. Submodules are not compared.
 * Returns the paths that differ, sorted.
 */
export async function conflictsWithBase(topLevel: string, base: string, paths: readonly string[], timeoutMs: number): Promise<BaseConflict[]> {
  if (paths.length === 0) return [];
  const run: GitOptions = { cwd: topLevel, timeoutMs };
  const entries = await baseEntries(run, base, paths);
  const conflicts: BaseConflict[] = [];
  const toHash: string[] = [];
  const symlinkTargets = new Map<string, string>();
  for (const path of paths) {
    const stat = lstatSync(join(topLevel, path), { throwIfNoEntry: false });
    const entry = entries.get(path);
    if (!entry) {
      if (stat) conflicts.push({ path, change: 'created' });
    } else if (entry.mode === '160000') {
      continue;
    } else if (!stat) {
      conflicts.push({ path, change: 'deleted' });
    } else if (entry.mode === '120000') {
      if (!stat.isSymbolicLink()) conflicts.push({ path, change: 'modified' });
      else symlinkTargets.set(path, readlinkSync(join(topLevel, path)));
    } else if (!stat.isFile()) {
      conflicts.push({ path, change: 'modified' });
    } else {
      toHash.push(path);
    }
  }
  const objects = await currentObjects(run, toHash);
  for (const path of toHash) if (objects.get(path) !== entries.get(path)?.object) conflicts.push({ path, change: 'modified' });
  for (const [path, target] of symlinkTargets) {
    const stored = await gitOutput(['cat-file', 'blob', entries.get(path)!.object], run);
    if (stored !== target) conflicts.push({ path, change: 'modified' });
  }
  return conflicts.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
}
