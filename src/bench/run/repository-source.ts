/** Where a repository task's commits come from: a local repository as it is, or a URL cloned once into a cache. */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import { git } from '../../evidence/workspace/git.ts';

const pending = new Map<string, Promise<Result<string, string>>>();

/** True for `https://…`, `ssh://…`, `file://…` and `user@host:path`. */
export function isRepositoryUrl(repository: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(repository) || /^[\w.-]+@[\w.-]+:/.test(repository);
}

async function hasCommit(directory: string, commit: string, timeoutMs: number): Promise<boolean> {
  return (await git(['cat-file', '-e', `${commit}^{commit}`], { cwd: directory, timeoutMs })).code === 0;
}

async function cloneOnce(url: string, cache: string, commit: string, timeoutMs: number): Promise<Result<string, string>> {
  const name = `${url.replace(/[^A-Za-z0-9_.-]/g, '_').slice(-60)}-${createHash('sha1').update(url).digest('hex').slice(0, 8)}.git`;
  const target = join(cache, name);
  if (!existsSync(target)) {
    mkdirSync(cache, { recursive: true });
    // Cloned beside the target and renamed: another process never sees half a clone.
    const scratch = `${target}.${process.pid}.tmp`;
    rmSync(scratch, { recursive: true, force: true });
    const cloned = await git(['clone', '--bare', '--quiet', url, scratch], { cwd: cache, timeoutMs });
    if (cloned.code !== 0) return fail(`cannot clone ${url}: ${cloned.stderr.trim() || `exit ${cloned.code}`}`);
    if (!existsSync(target)) renameSync(scratch, target);
    else rmSync(scratch, { recursive: true, force: true });
  }
  if (!(await hasCommit(target, commit, timeoutMs))) {
    const fetched = await git(['fetch', '--quiet', 'origin', commit], { cwd: target, timeoutMs });
    if (fetched.code !== 0) return fail(`${url} has no commit ${commit} (git fetch: ${fetched.stderr.trim() || `exit ${fetched.code}`})`);
  }
  return ok(target);
}

/**
 * The local repository to check a task out from: a path (relative to `baseDirectory`) as it is, or for a URL a
 * bare clone kept under `cache` (cloned once per process and run; the commit fetched when missing).
 */
export async function repositorySource(repository: string, commit: string, options: { baseDirectory: string; cache: string; timeoutMs: number }): Promise<Result<string, string>> {
  if (!isRepositoryUrl(repository)) {
    const path = resolve(options.baseDirectory, repository);
    if (!existsSync(path)) return fail(`the repository ${path} does not exist`);
    return ok(path);
  }
  const key = `${options.cache}\0${repository}`;
  let clone = pending.get(key);
  if (!clone) {
    clone = cloneOnce(repository, options.cache, commit, options.timeoutMs);
    pending.set(key, clone);
    // A failed clone is tried again by the next task rather than remembered.
    void clone.then((result) => {
      if (!result.success) pending.delete(key);
    });
  }
  const result = await clone;
  if (!result.success || (await hasCommit(result.value, commit, options.timeoutMs))) return result;
  const fetched = await git(['fetch', '--quiet', 'origin', commit], { cwd: result.value, timeoutMs: options.timeoutMs });
  return fetched.code === 0 ? result : fail(`${repository} has no commit ${commit}`);
}
