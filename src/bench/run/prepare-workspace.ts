/** A task's own checkout under `work/`: a shared clone at the base commit, or a git repository of the inline files, after setup. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import { git } from '../../evidence/workspace/git.ts';
import { describeFailure, runShell } from '../shell-command.ts';
import type { BenchTask } from '../task-schema.ts';
import { repositorySource } from './repository-source.ts';
import { commitAll, type TaskWorkspace } from './workspace-git.ts';

export interface PrepareWorkspaceOptions {
  /** Relative repository paths are resolved against this folder. */
  baseDirectory: string;
  /** Where URLs are cloned once. */
  repositoriesDirectory: string;
  /** Time limit of one git command, ms. */
  gitTimeoutMs: number;
  /** Time limit of one setup command, ms. */
  setupTimeoutMs: number;
  signal?: AbortSignal;
}

function unsafePath(path: string): boolean {
  const normal = normalize(path);
  return isAbsolute(path) || normal.startsWith('..') || normal === '.git' || normal.startsWith(`.git/`) || normal === '.';
}

async function checkOut(task: BenchTask & { source: { kind: 'repository' } }, directory: string, options: PrepareWorkspaceOptions): Promise<Result<void, string>> {
  const source = await repositorySource(task.source.repository, task.source.baseCommit, { baseDirectory: options.baseDirectory, cache: options.repositoriesDirectory, timeoutMs: options.gitTimeoutMs });
  if (!source.success) return source;
  // A clone sharing the source's objects: the agent's commits, branches and refs never reach the source repository.
  const cloned = await git(['clone', '--shared', '--no-checkout', '--quiet', source.value, directory], { cwd: options.baseDirectory, timeoutMs: options.gitTimeoutMs });
  if (cloned.code !== 0) return fail(`cannot clone ${source.value}: ${cloned.stderr.trim() || `exit ${cloned.code}`}`);
  const checkout = await git(['checkout', '--quiet', '--detach', task.source.baseCommit], { cwd: directory, timeoutMs: options.gitTimeoutMs });
  if (checkout.code !== 0) return fail(`cannot check out the base commit ${task.source.baseCommit} of ${task.source.repository}: ${checkout.stderr.trim() || `exit ${checkout.code}`}`);
  return ok(undefined);
}

async function writeInline(files: Record<string, string>, directory: string, options: PrepareWorkspaceOptions): Promise<Result<void, string>> {
  const bad = Object.keys(files).find(unsafePath);
  if (bad !== undefined) return fail(`the inline file path \`${bad}\` leaves the task folder; use relative paths inside it`);
  mkdirSync(directory, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), content);
  }
  const init = await git(['-c', 'init.defaultBranch=main', 'init', '-q'], { cwd: directory, timeoutMs: options.gitTimeoutMs });
  return init.code === 0 ? ok(undefined) : fail(`git init failed: ${init.stderr.trim()}`);
}

/**
 * Makes `directory` (removed first: a previous, interrupted attempt may have left it) the task's checkout, runs
 * the task's setup commands in it, and commits what setup left that git does not ignore, so that the agent's patch
 * is its own work only. Setup that fails, and a repository or commit that cannot be had, are returned as words:
 * the engine records them as environment-error, not as a failed attempt.
 */
export async function prepareWorkspace(task: BenchTask, directory: string, options: PrepareWorkspaceOptions): Promise<Result<TaskWorkspace, string>> {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(dirname(directory), { recursive: true });
  const made = task.source.kind === 'repository' ? await checkOut(task as BenchTask & { source: { kind: 'repository' } }, directory, options) : await writeInline(task.source.files, directory, options);
  if (!made.success) return made;
  try {
    if (task.source.kind === 'inline') await commitAll(directory, `task ${task.id}`, options.gitTimeoutMs);
    for (const command of task.source.setup) {
      const result = await runShell(command, { cwd: directory, timeoutMs: options.setupTimeoutMs, ...(options.signal ? { signal: options.signal } : {}) });
      if (result.code !== 0 || result.timedOut) return fail(`setup ${describeFailure(command, result, options.setupTimeoutMs)}`);
    }
    return ok({ root: directory, base: await commitAll(directory, 'bench setup', options.gitTimeoutMs) });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}
