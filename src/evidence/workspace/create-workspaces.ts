/** The two isolated git worktrees of a check: the base revision, and the base with the change applied. */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDataDirectory } from '../../atlas/store/database.ts';
import type { Change } from '../../core/change.ts';
import { CodewrightError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { silentLogger } from '../../core/logger.ts';
import { describeApplyFailure } from '../change/apply-failure.ts';
import { addWorktree } from './add-worktree.ts';
import { git, gitError } from './git.ts';
import { findDependencyFolders, linkDependencies } from './link-dependencies.ts';
import { pruneWorktrees, removeWorktree } from './remove-worktree.ts';
import { defaultGitTimeoutMs, repositoryTopLevel } from './repository.ts';
import { createRunId, ownerFile, worktreesDirectory, writeOwner } from './run-owner.ts';

/** Options of createWorkspaces. */
export interface WorkspaceOptions {
  /** Time limit of each git command, ms (default 120 s). */
  timeoutMs?: number;
  /** Make node_modules and virtualenvs of the user's tree available in both worktrees (default true). */
  linkDependencies?: boolean;
  logger?: Logger;
  signal?: AbortSignal;
}

/** The worktrees of one check. Call `dispose()` when done (also after errors); it never throws. */
export interface Workspaces {
  runId: string;
  /** The repository's top level (paths of the change are relative to it). */
  root: string;
  /** A worktree at `change.base`. */
  baseDir: string;
  /** A worktree at `change.base` with the change applied. */
  changeDir: string;
  /** Dependency folders made available in both worktrees, relative paths (untracked in the worktrees). */
  linked: string[];
  /** Removes both worktrees and git's records of them; safe to call more than once. */
  dispose(): Promise<void>;
}

async function applyChange(changeDir: string, change: Change, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  if (change.patch.trim() === '' || change.files.length === 0) return;
  const args = ['apply', '--binary', '--whitespace=nowarn', '-'];
  const result = await git(args, { cwd: changeDir, timeoutMs, input: change.patch, ...(signal ? { signal } : {}) });
  if (result.timedOut || result.spawnError) throw gitError(args, result);
  if (result.code !== 0) {
    const failure = describeApplyFailure(result.stderr, change, change.base.slice(0, 12));
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: failure.message, data: { stderr: result.stderr.trim(), ...failure } });
  }
}

/**
 * Creates `<root>/.codewright/worktrees/<runId>-base` and `<runId>-change` with
 * `git worktree add --detach` at `change.base`, applies `change.patch` in the change worktree
 * (`git apply --binary`: renames, deletions, modes and binary files included; the index is not
 * used), and links dependencies into both. The user's working tree and index are not written;
 * git records the worktrees under `.git/worktrees/` until `dispose()`. On error everything made
 * so far is removed before the error is thrown.
 */
export async function createWorkspaces(root: string, change: Change, options: WorkspaceOptions = {}): Promise<Workspaces> {
  const timeoutMs = options.timeoutMs ?? defaultGitTimeoutMs;
  const logger = options.logger ?? silentLogger;
  if (change.base === '') {
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: 'The change has no base revision; make it with collectChange, or give parseDiff a base.' });
  }
  const topLevel = await repositoryTopLevel(root, timeoutMs);
  ensureDataDirectory(topLevel);
  const directory = worktreesDirectory(topLevel);
  mkdirSync(directory, { recursive: true });
  const runId = createRunId();
  writeOwner(directory, runId);
  const baseDir = join(directory, `${runId}-base`);
  const changeDir = join(directory, `${runId}-change`);
  const linked = new Map<string, string[]>([[baseDir, []], [changeDir, []]]);
  let disposing: Promise<void> | undefined;
  const dispose = (): Promise<void> => {
    disposing ??= (async () => {
      for (const [dir, links] of linked) {
        const problem = await removeWorktree(topLevel, dir, links, timeoutMs);
        if (problem) logger.warn(`codewright: could not remove the worktree ${dir}: ${problem}`);
      }
      const problem = await pruneWorktrees(topLevel, timeoutMs);
      if (problem) logger.warn(`codewright: git worktree prune: ${problem}`);
      rmSync(ownerFile(directory, runId), { force: true });
    })();
    return disposing;
  };
  try {
    const run = { cwd: topLevel, timeoutMs, ...(options.signal ? { signal: options.signal } : {}) };
    for (const dir of [baseDir, changeDir]) await addWorktree(dir, change.base, run);
    await applyChange(changeDir, change, timeoutMs, options.signal);
    const folders = options.linkDependencies === false ? [] : findDependencyFolders(topLevel);
    for (const dir of [baseDir, changeDir]) linked.set(dir, linkDependencies(topLevel, dir, folders));
    return { runId, root: topLevel, baseDir, changeDir, linked: linked.get(changeDir) ?? [], dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
