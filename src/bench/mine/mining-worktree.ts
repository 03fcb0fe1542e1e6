/** One temporary git worktree that mining moves from commit to commit, with the repository's installed dependencies linked in. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import { addWorktree } from '../../evidence/workspace/add-worktree.ts';
import { git, gitError } from '../../evidence/workspace/git.ts';
import { findDependencyFolders, linkDependencies } from '../../evidence/workspace/link-dependencies.ts';
import { removeWorktree } from '../../evidence/workspace/remove-worktree.ts';

/** A worktree to check commits out in and apply patches to. */
export interface MiningWorktree {
  dir: string;
  /** Checks out `commit` (detached) and removes every file git does not track, except linked dependencies. */
  checkout(commit: string): Promise<void>;
  /** Applies a git patch to the files; the error says why it does not apply. */
  apply(patch: string): Promise<Result<void, string>>;
  dispose(): Promise<void>;
}

/** Creates the worktree at `commit`; the caller disposes it. */
export async function createMiningWorktree(topLevel: string, commit: string, timeoutMs: number): Promise<MiningWorktree> {
  const dir = await mkdtemp(join(tmpdir(), 'codewright-mine-'));
  await addWorktree(dir, commit, { cwd: topLevel, timeoutMs });
  const linked = linkDependencies(topLevel, dir, findDependencyFolders(topLevel));
  const keep = linked.flatMap((path) => ['-e', `/${path}`]);
  const run = (args: string[], input?: string) => git(args, { cwd: dir, timeoutMs, ...(input === undefined ? {} : { input }) });
  return {
    dir,
    async checkout(target) {
      for (const args of [['checkout', '-f', '-q', '--detach', target], ['clean', '-f', '-f', '-d', '-q', ...keep]]) {
        const result = await run(args);
        if (result.code !== 0) throw gitError(args, result);
      }
    },
    async apply(patch) {
      if (patch.trim() === '') return ok(undefined);
      const result = await run(['apply', '--whitespace=nowarn', '--binary', '-'], patch.endsWith('\n') ? patch : `${patch}\n`);
      return result.code === 0 ? ok(undefined) : fail(result.stderr.trim() || `git apply exited with ${result.code}`);
    },
    async dispose() {
      await removeWorktree(topLevel, dir, linked, timeoutMs);
    },
  };
}
