/** A temporary detached git worktree at a candidate's base commit, with the user's installed dependencies linked in. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addWorktree } from '../../../evidence/workspace/add-worktree.ts';
import { findDependencyFolders, linkDependencies } from '../../../evidence/workspace/index.ts';
import { removeWorktree } from '../../../evidence/workspace/remove-worktree.ts';
import type { CandidateWorkspace } from '../../types.ts';

/**
 * Checks out `workspace.base` in a new worktree of the user's repository, runs `use` with its path,
 * and removes it afterwards whatever happens. Throws GIT_FAILED or TIMEOUT when the checkout fails.
 */
export async function withBaseWorktree<T>(workspace: CandidateWorkspace, timeoutMs: number, use: (directory: string) => Promise<T>): Promise<T> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'codewright-base-'));
  const directory = path.join(scratch, 'base');
  const topLevel = workspace.repositoryRoot;
  let linked: string[] = [];
  try {
    await addWorktree(directory, workspace.base, { cwd: topLevel, timeoutMs });
    linked = linkDependencies(topLevel, directory, findDependencyFolders(topLevel));
    return await use(directory);
  } finally {
    await removeWorktree(topLevel, directory, linked, timeoutMs);
    await rm(scratch, { recursive: true, force: true });
  }
}
