/** Applies a task's test patch after the agent: the files it touches go back to the base first, as SWE-bench does. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import { git } from '../../evidence/workspace/git.ts';
import { applyPatch } from '../run/workspace-git.ts';

/** The paths a unified diff touches (both sides of each `diff --git`, or the `---`/`+++` names). */
export function patchPaths(patch: string): string[] {
  const paths = new Set<string>();
  for (const match of patch.matchAll(/^diff --git a\/(\S+) b\/(\S+)$/gm)) paths.add(match[1]!).add(match[2]!);
  for (const match of patch.matchAll(/^(?:---|\+\+\+) [ab]\/(\S+)/gm)) paths.add(match[1]!);
  return [...paths];
}

/**
 * Restores every file the test patch touches to its content at `base` (removing files the base does not have), so
 * that an agent's edits to those tests cannot stop the patch from applying or change what is measured; then applies it.
 */
export async function applyTestPatch(root: string, base: string, patch: string, timeoutMs: number): Promise<Result<void, string>> {
  for (const path of patchPaths(patch)) {
    const known = await git(['cat-file', '-e', `${base}:${path}`], { cwd: root, timeoutMs });
    if (known.code === 0) {
      const restored = await git(['checkout', base, '--', path], { cwd: root, timeoutMs });
      if (restored.code !== 0) return fail(`cannot restore ${path} before the test patch: ${restored.stderr.trim()}`);
    } else {
      rmSync(join(root, path), { force: true });
    }
  }
  const applied = await applyPatch({ root, base }, patch, timeoutMs);
  return applied.success ? ok(undefined) : fail(`the test patch does not apply: ${applied.error}`);
}
