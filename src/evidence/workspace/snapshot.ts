/** A cheap fingerprint of the user's tree, to report tests that wrote outside their worktree. */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gitOutput } from './git.ts';
import { defaultGitTimeoutMs, gitPath, repositoryTopLevel } from './repository.ts';

/** Size and modification time of one file. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** Tracked and untracked (not ignored) files of the user's tree, and the hash of its git index. */
export interface TreeSnapshot {
  topLevel: string;
  /** Repository-relative path -> stamp; files missing from disk are absent. */
  files: Map<string, FileStamp>;
  /** The git index, relative to the top level when inside it (`.git/index`). */
  indexPath: string;
  /** sha1 of the index file, null when there is none. */
  indexHash: string | null;
}

/** One path that differs between two snapshots. */
export interface TreeDifference {
  path: string;
  change: 'added' | 'removed' | 'modified';
}

function hashFile(path: string): string | null {
  try {
    return createHash('sha1').update(readFileSync(path)).digest('hex');
  } catch {
    return null;
  }
}

/**
 * Fingerprints the user's tree: paths, sizes and mtimes of tracked and untracked non-ignored
 * files (`git ls-files`, read-only), and the sha1 of `.git/index`. Ignored folders
 * (node_modules, build output, `.codewright/`) are not covered.
 */
export async function snapshotUserTree(root: string, options: { timeoutMs?: number } = {}): Promise<TreeSnapshot> {
  const timeoutMs = options.timeoutMs ?? defaultGitTimeoutMs;
  const topLevel = await repositoryTopLevel(root, timeoutMs);
  const index = await gitPath(topLevel, 'index', timeoutMs);
  // `.codewright/` is codewright's own state (worktrees, caches): left out even before its .gitignore exists.
  const listing = await gitOutput(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.', ':(exclude).codewright'], {
    cwd: topLevel,
    timeoutMs,
    maxOutputBytes: 256 * 1024 * 1024,
  });
  const files = new Map<string, FileStamp>();
  for (const path of listing.split('\0')) {
    if (path === '' || files.has(path)) continue;
    const stat = lstatSync(join(topLevel, path), { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) files.set(path, { size: stat.size, mtimeMs: stat.mtimeMs });
  }
  const indexPath = relative(topLevel, index).startsWith('..') ? index : relative(topLevel, index);
  return { topLevel, files, indexPath, indexHash: hashFile(index) };
}

/** The paths that differ between two snapshots of the same tree, sorted, the index included. */
export function compareSnapshots(before: TreeSnapshot, after: TreeSnapshot): TreeDifference[] {
  const differences: TreeDifference[] = [];
  for (const [path, stamp] of after.files) {
    const old = before.files.get(path);
    if (!old) differences.push({ path, change: 'added' });
    else if (old.size !== stamp.size || old.mtimeMs !== stamp.mtimeMs) differences.push({ path, change: 'modified' });
  }
  for (const path of before.files.keys()) if (!after.files.has(path)) differences.push({ path, change: 'removed' });
  if (before.indexHash !== after.indexHash) {
    const change = before.indexHash === null ? 'added' : after.indexHash === null ? 'removed' : 'modified';
    differences.push({ path: after.indexPath, change });
  }
  return differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
