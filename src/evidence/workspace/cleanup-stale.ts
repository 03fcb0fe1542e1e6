/** Removes worktrees left behind by check runs that crashed, and prunes git's list of worktrees. */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../core/logger.ts';
import { silentLogger } from '../../core/logger.ts';
import { pruneWorktrees, removeWorktree } from './remove-worktree.ts';
import { defaultGitTimeoutMs, repositoryTopLevel } from './repository.ts';
import { ownerFile, ownerMayBeAlive, worktreesDirectory } from './run-owner.ts';

const runEntry = /^(.+?)(?:-base|-change|\.pid)$/;

/**
 * Removes the worktrees of every run under `<root>/.codewright/worktrees` whose owner process is
 * gone (a dead pid on this machine, or no owner file), then runs `git worktree prune`. Runs whose
 * owner is alive, this process included, are left alone. Call it at the start of every check.
 * Returns the ids of the runs removed.
 */
export async function cleanupStaleWorkspaces(root: string, options: { timeoutMs?: number; logger?: Logger } = {}): Promise<string[]> {
  const timeoutMs = options.timeoutMs ?? defaultGitTimeoutMs;
  const logger = options.logger ?? silentLogger;
  const topLevel = await repositoryTopLevel(root, timeoutMs);
  const directory = worktreesDirectory(topLevel);
  if (!existsSync(directory)) return [];
  const runs = new Set<string>();
  for (const name of readdirSync(directory)) {
    const match = runEntry.exec(name);
    if (match?.[1]) runs.add(match[1]);
  }
  const removed: string[] = [];
  for (const runId of runs) {
    if (ownerMayBeAlive(directory, runId)) continue;
    for (const suffix of ['-base', '-change']) {
      // The dependency links are not known here; rmSync inside removeWorktree unlinks links without following them.
      const problem = await removeWorktree(topLevel, join(directory, `${runId}${suffix}`), [], timeoutMs);
      if (problem) logger.warn(`codewright: could not remove a stale worktree of run ${runId}: ${problem}`);
    }
    rmSync(ownerFile(directory, runId), { force: true });
    removed.push(runId);
  }
  const problem = await pruneWorktrees(topLevel, timeoutMs);
  if (problem) logger.warn(`codewright: git worktree prune: ${problem}`);
  return removed;
}
