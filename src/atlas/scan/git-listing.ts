/** Asks git for a work tree's files: tracked and untracked-not-ignored, with their modes. */
import { lstatSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../../core/process.ts';
import { fail, ok } from '../../core/result.ts';
import type { Result } from '../../core/result.ts';

/** One path git lists. */
export interface GitEntry {
  /** Relative to the work tree's top level, '/' separators; a nested repository ends with '/'. */
  path: string;
  /** The index mode (0o100644, 0o120000 symlink, 0o160000 submodule); undefined for untracked files. */
  mode: number | undefined;
  /** True when git cannot vouch for the work tree copy (untracked, skip-worktree, unmerged): stat it. */
  unverified: boolean;
}

const listTimeoutMs = 60_000;
const maxListingBytes = 512 * 1024 * 1024;
/** Bytes of git's index file per tracked file, roughly (62 bytes of stat data and ids, and the path). */
const indexBytesPerFile = 110;
/** Variables that would point git at another repository, index or work tree than `root`'s. */
const repositoryVariables = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_NAMESPACE', 'GIT_PREFIX'];

/**
 * A rough count of the files git tracks at `root`, from the size of its index file, before any git
 * command runs: 0 when there is no index at `root`. Good enough to decide whether to prepare for a
 * large amount of work.
 */
export function estimatedTrackedFiles(root: string): number {
  // A linked work tree's `.git` is a file: `.git/index` then fails with ENOTDIR.
  const stats = lstatIfPresent(join(root, '.git', 'index'));
  return stats ? Math.round(stats.size / indexBytesPerFile) : 0;
}

/** lstat, or undefined when nothing is there (also when a parent is not a folder). */
export function lstatIfPresent(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

function gitEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of repositoryVariables) delete env[name];
  return env;
}

async function lsFiles(root: string, args: string[]): Promise<Result<string, string>> {
  // The user's global excludes file is left out so that git and the folder walk agree on what is ignored.
  const result = await runProcess('git', ['-c', 'core.excludesFile=/dev/null', 'ls-files', '-z', '--exclude-standard', ...args], {
    cwd: root,
    env: gitEnvironment(),
    timeoutMs: listTimeoutMs,
    maxOutputBytes: maxListingBytes,
  });
  if (result.spawnError) return fail(`git could not start (${result.spawnError.message})`);
  if (result.timedOut) return fail('git ls-files timed out');
  if (result.code !== 0) return fail(`git ls-files failed: ${result.stderr.trim().split('\n')[0] ?? ''}`);
  if (result.truncated) return fail('git ls-files printed more than the listing cap');
  // Paths that are not valid UTF-8 cannot be named back to the file system from a JS string.
  if (result.stdout.includes('\uFFFD')) return fail('a path is not valid UTF-8');
  return ok(result.stdout);
}

/**
 * Lists the files of the work tree at `root` with git, or says why git cannot be used: `root` is
 * not the top level of a work tree, it has submodules (`.gitmodules`), or git failed.
 * - Tracked files are listed even when an ignore rule matches them: git applies ignore rules to
 *   untracked files only, and a file someone committed is part of the repository (the folder walk,
 *   which cannot tell tracked from untracked, leaves them out).
 * - Untracked files follow `.gitignore` at every level and `.git/info/exclude`, as in the walk;
 *   the user's global excludes file is not read, as the walk does not read it.
 * - Tracked files deleted from the work tree are still listed (asking git to stat every file for
 *   them costs more than the whole listing): the caller stats the ones it needs.
 */
export async function listGitFiles(root: string): Promise<Result<GitEntry[], string>> {
  if (!lstatIfPresent(join(root, '.git'))) return fail('not the top level of a git work tree');
  if (lstatIfPresent(join(root, '.gitmodules'))) return fail('the repository has submodules');
  // -t tags each entry (H tracked, S skip-worktree, M unmerged, ? untracked); -s adds the mode of
  // tracked entries.
  const listing = await lsFiles(root, ['-t', '-s', '--cached', '--others']);
  if (!listing.success) return listing;
  const entries: GitEntry[] = [];
  const unmerged = new Set<string>();
  const text = listing.value;
  for (let start = 0, end = text.indexOf('\0'); end >= 0; start = end + 1, end = text.indexOf('\0', start)) {
    if (end - start < 3) continue;
    const tag = text[start];
    if (tag === '?') {
      entries.push({ path: text.slice(start + 2, end), mode: undefined, unverified: true });
      continue;
    }
    // "<tag> <mode> <object> <stage>\t<path>"
    const tab = text.indexOf('\t', start);
    const mode = Number.parseInt(text.slice(start + 2, start + 8), 8);
    if (tab < 0 || tab > end || !Number.isInteger(mode)) return fail(`unexpected git ls-files output: ${text.slice(start, Math.min(end, start + 80))}`);
    const path = text.slice(tab + 1, end);
    if (tag === 'M') {
      // An unmerged path is listed once per stage; the first stage's mode stands for it.
      if (unmerged.has(path)) continue;
      unmerged.add(path);
    }
    entries.push({ path, mode, unverified: tag !== 'H' });
  }
  return ok(entries);
}
