/** Turns a path a model gave into a file of the candidate worktree, refusing paths outside it, git internals and secret files. */
import { join } from 'node:path';
import { confinePath } from '../../core/confine-path.ts';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import { secretGlobOf } from '../safety/secret-files.ts';
import type { SecretPolicy } from '../types.ts';

export interface WorkspacePath {
  absolute: string;
  /** Relative to the worktree root, `/` separators. */
  relative: string;
}

const internalFolders = new Set(['.git', '.codewright']);

/**
 * Resolves `path` (relative to the worktree, or absolute inside it) for a tool. Fails with a
 * message for the model when the path is empty, leaves the worktree (also through a symbolic
 * link), points into `.git` or `.codewright`, or names a secret file.
 */
export function resolveWorkspacePath(root: string, path: string, secretPolicy: SecretPolicy): Result<WorkspacePath, string> {
  const given = path.trim();
  if (given === '') return fail('the path is empty: give a path relative to the repository root, e.g. `src/index.ts`');
  const confined = confinePath(root, given);
  if (confined.status === 'outside') {
    return fail(`${given} is outside the worktree; tools only reach files under the repository root (give a relative path such as \`src/index.ts\`)`);
  }
  const relativePath = confined.relative;
  if (relativePath.split('/').some((segment) => internalFolders.has(segment))) {
    return fail(`${relativePath} is inside ${relativePath.split('/').find((segment) => internalFolders.has(segment))}/, which tools do not read or write; use the git tools of \`run\` (git status, git diff, git log) instead`);
  }
  const glob = secretGlobOf(relativePath, secretPolicy);
  if (glob !== undefined) {
    return fail(`${relativePath} is a secret file (it matches \`${glob}\`); its contents are never sent to a model. Ask the user (ask_user) for what you need from it, or the user can allow it in codewright.json`);
  }
  if (confined.status === 'link-outside') {
    return fail(`${relativePath} leads outside the worktree through a symbolic link; tools only reach files under the repository root`);
  }
  return ok({ absolute: join(root, relativePath), relative: relativePath === '' ? '.' : relativePath });
}
