/** Rewrites mined paths to each file's name at HEAD, so a file's history continues across renames. */
import type { CommitFact, FileChange } from './types.ts';

/** Commits with paths at their HEAD names, and the renames to apply to paths stored earlier. */
export interface FollowedHistory {
  commits: CommitFact[];
  /** Name before the oldest mined commit → name at HEAD, for renamed files only. */
  renames: Map<string, string>;
}

function mergeByPath(files: FileChange[]): FileChange[] {
  const byPath = new Map<string, FileChange>();
  for (const file of files) {
    const seen = byPath.get(file.path);
    if (seen) {
      seen.added += file.added;
      seen.deleted += file.deleted;
      seen.binary ||= file.binary;
    } else {
      byPath.set(file.path, { ...file });
    }
  }
  return [...byPath.values()];
}

/**
 * Walks commits newest first and maps every path to the name its file has at the newest commit.
 * A rename `a → b` sends older mentions of `a` to b's current name; older mentions of `b` name a
 * different file and keep their own name. Deletions are not tracked: a file deleted and later
 * re-created under the same name shares one history, as with `git log -- <path>`.
 */
export function followRenames(commits: readonly CommitFact[]): FollowedHistory {
  const current = new Map<string, string>();
  const resolve = (path: string): string => current.get(path) ?? path;
  const followed: CommitFact[] = [];
  for (const commit of commits) {
    const files = mergeByPath(commit.files.map((file) => ({ ...file, path: resolve(file.path) })));
    followed.push({ ...commit, files });
    const renamed = commit.files.filter((file) => file.previousPath !== undefined && file.previousPath !== file.path);
    if (renamed.length === 0) continue;
    // Resolve every target before changing the map: one commit may swap two names.
    const updates = renamed.map((file) => [file.previousPath ?? '', resolve(file.path)] as const);
    for (const file of renamed) current.delete(file.path);
    for (const [from, to] of updates) {
      if (from === to) current.delete(from);
      else current.set(from, to);
    }
  }
  return { commits: followed, renames: current };
}
