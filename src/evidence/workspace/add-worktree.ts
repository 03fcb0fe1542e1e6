/** `git worktree add --detach`, retried when another git process is adding or removing a worktree at the same moment. */
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GitOptions } from './git.ts';
import { git, gitError } from './git.ts';
import { queueWorktreeCommand } from './worktree-queue.ts';

// git reads every worktree's records while adding one, and a concurrent prune may delete records
// that are still being written: such failures name a file under .git/worktrees/ or a lock.
const concurrentTrouble = /worktrees\/|could not lock|unable to create .*\.lock|File exists/i;
const attempts = 5;

/**
 * Checks out `revision` in a new detached worktree at `directory` (`options.cwd` is the
 * repository's top level). Concurrent worktree commands on one repository race in git itself:
 * within this process they are queued; across processes, a failure that looks like such a race
 * is retried after a short random pause.
 */
export async function addWorktree(directory: string, revision: string, options: GitOptions): Promise<void> {
  const args = ['worktree', 'add', '--detach', '--quiet', directory, revision];
  for (let attempt = 1; ; attempt++) {
    const result = await queueWorktreeCommand(options.cwd, () => git(args, options));
    if (result.code === 0) return;
    if (result.timedOut || result.spawnError || attempt >= attempts || !concurrentTrouble.test(result.stderr)) throw gitError(args, result);
    rmSync(directory, { recursive: true, force: true });
    await sleep(50 * attempt + Math.floor(Math.random() * 100));
  }
}
