/** Removes a worktree made by codewright, never following links into the user's tree. */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './git.ts';
import { queueWorktreeCommand } from './worktree-queue.ts';

/**
 * Removes `directory` (a worktree of `topLevel`): first the dependency links made in it (`rmSync`
 * unlinks symlinks and does not follow them), then `git worktree remove --force`, then whatever
 * is left on disk. Returns a problem in words, or undefined when it is gone.
 */
export async function removeWorktree(topLevel: string, directory: string, linked: readonly string[], timeoutMs: number): Promise<string | undefined> {
  try {
    for (const path of linked) rmSync(join(directory, path), { recursive: true, force: true });
    if (existsSync(directory)) {
      // Twice --force: also when the worktree is locked or has changes, which a check always has.
      await queueWorktreeCommand(topLevel, () => git(['worktree', 'remove', '--force', '--force', directory], { cwd: topLevel, timeoutMs }));
    }
    rmSync(directory, { recursive: true, force: true });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** `git worktree prune`: forgets worktrees whose folders are gone. Returns a problem in words, or undefined. */
export async function pruneWorktrees(topLevel: string, timeoutMs: number): Promise<string | undefined> {
  const result = await queueWorktreeCommand(topLevel, () => git(['worktree', 'prune'], { cwd: topLevel, timeoutMs }));
  return result.code === 0 ? undefined : result.stderr.trim() || `git worktree prune failed (${result.timedOut ? 'timed out' : `exit ${result.code}`})`;
}
