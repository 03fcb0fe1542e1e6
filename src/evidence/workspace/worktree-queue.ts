/** Runs the worktree commands of one repository one at a time within this process. */

const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `work` after every earlier task queued for `repository` has settled. git's worktree
 * bookkeeping (`git worktree add`, `remove`, `prune`) races with itself, so parallel checks in one
 * process queue their worktree commands here.
 */
export function queueWorktreeCommand<T>(repository: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(repository) ?? Promise.resolve();
  const next = previous.then(work, work);
  const tail = next.then(
    () => undefined,
    () => undefined,
  );
  tails.set(repository, tail);
  void tail.then(() => {
    if (tails.get(repository) === tail) tails.delete(repository);
  });
  return next;
}
