/** A candidate's private worktree: the run's base checked out under `.codewright/worktrees/`, dependencies linked, the index ready. */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ensureDataDirectory } from '../../atlas/store/database.ts';
import { CodewrightError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { silentLogger } from '../../core/logger.ts';
import { addWorktree } from '../../evidence/workspace/add-worktree.ts';
import { git, gitError } from '../../evidence/workspace/git.ts';
import { findDependencyFolders, linkDependencies } from '../../evidence/workspace/link-dependencies.ts';
import { pruneWorktrees, removeWorktree } from '../../evidence/workspace/remove-worktree.ts';
import { defaultGitTimeoutMs } from '../../evidence/workspace/repository.ts';
import { ownerFile, worktreesDirectory, writeOwner } from '../../evidence/workspace/run-owner.ts';
import type { CandidateWorkspace } from '../types.ts';
import { safeName } from './run-record.ts';
import { prepareWorkspaceIndex } from './workspace-index.ts';

export interface CandidateWorkspaceOptions {
  /** A diff to apply on top of the base (refinement rounds start from a parent's change). */
  applyDiff?: string;
  /** Link node_modules and virtualenvs of the user's tree (default true). */
  linkDependencies?: boolean;
  /** Copy and refresh the user's code index (default true; nothing happens without one). */
  index?: boolean;
  /** Parse threads for the index refresh. */
  threads?: number;
  timeoutMs?: number;
  logger?: Logger;
  signal?: AbortSignal;
}

/** What a workspace needs from its run. */
export interface WorkspaceRun {
  id: string;
  /** The repository's top level. */
  root: string;
  base: string;
}

// Dependency links made in each worktree, so that diffs leave them out and removal unlinks them first.
const linkedByRoot = new Map<string, string[]>();

/** The dependency folders linked into a candidate worktree (relative paths). */
export function linkedDependencies(workspace: CandidateWorkspace): string[] {
  return linkedByRoot.get(workspace.root) ?? findDependencyFolders(workspace.repositoryRoot);
}

/**
 * Creates the worktree of `candidate`: `.codewright/worktrees/<run>-<candidate>-change`, detached
 * at the run's base, with an owner file (`<run>-<candidate>.pid`) so that cleanupStaleWorkspaces
 * removes it when this process dies. Applies `applyDiff`, links dependencies, and copies and
 * refreshes the code index. On error everything made so far is removed.
 */
export async function createCandidateWorkspace(run: WorkspaceRun, candidate: string, options: CandidateWorkspaceOptions = {}): Promise<CandidateWorkspace> {
  if (!safeName.test(candidate)) {
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `The candidate name \`${candidate}\` cannot be used in a folder name; use letters and digits (A, B, C2).`, data: { candidate } });
  }
  const timeoutMs = options.timeoutMs ?? defaultGitTimeoutMs;
  const logger = options.logger ?? silentLogger;
  ensureDataDirectory(run.root);
  const directory = worktreesDirectory(run.root);
  mkdirSync(directory, { recursive: true });
  const owner = `${run.id}-${candidate}`;
  writeOwner(directory, owner);
  const root = join(directory, `${owner}-change`);
  const workspace: CandidateWorkspace = { id: candidate, root, repositoryRoot: run.root, base: run.base };
  try {
    await addWorktree(root, run.base, { cwd: run.root, timeoutMs, ...(options.signal ? { signal: options.signal } : {}) });
    if (options.applyDiff && options.applyDiff.trim() !== '') {
      const args = ['apply', '--binary', '--whitespace=nowarn', '-'];
      const result = await git(args, { cwd: root, timeoutMs, input: options.applyDiff });
      if (result.code !== 0) throw gitError(args, result);
    }
    const folders = options.linkDependencies === false ? [] : findDependencyFolders(run.root);
    linkedByRoot.set(root, linkDependencies(run.root, root, folders));
    ensureDataDirectory(root);
    if (options.index !== false) await prepareWorkspaceIndex(run.root, root, { logger, ...(options.threads ? { threads: options.threads } : {}) });
    return workspace;
  } catch (error) {
    await removeCandidateWorkspace(workspace, { timeoutMs, logger });
    throw error;
  }
}

/** Removes a candidate's worktree, git's record of it and its owner file; never throws (problems are logged). */
export async function removeCandidateWorkspace(workspace: CandidateWorkspace, options: { timeoutMs?: number; logger?: Logger } = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? defaultGitTimeoutMs;
  const logger = options.logger ?? silentLogger;
  const linked = linkedByRoot.get(workspace.root) ?? [];
  const problem = await removeWorktree(workspace.repositoryRoot, workspace.root, linked, timeoutMs);
  if (problem) logger.warn(`codewright: could not remove the worktree of candidate ${workspace.id} (${workspace.root}): ${problem}`);
  linkedByRoot.delete(workspace.root);
  const pruned = await pruneWorktrees(workspace.repositoryRoot, timeoutMs);
  if (pruned) logger.warn(`codewright: git worktree prune: ${pruned}`);
  const owner = basename(workspace.root).replace(/-change$/, '');
  rmSync(ownerFile(worktreesDirectory(workspace.repositoryRoot), owner), { force: true });
}
