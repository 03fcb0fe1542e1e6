/** Finds the git repository around a folder and resolves revisions in it, with errors that say what to do. */
import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { CodewrightError } from '../../core/errors.ts';
import { git, gitError } from './git.ts';

/** Default time limit of one git command, ms. */
export const defaultGitTimeoutMs = 120_000;

/**
 * The top level of the git work tree `root` lies in. Throws NOT_A_DIRECTORY when `root` is not
 * a folder, INVALID_ARGUMENT when it is not inside a git repository.
 */
export async function repositoryTopLevel(root: string, timeoutMs = defaultGitTimeoutMs): Promise<string> {
  const folder = resolve(root);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CodewrightError({ code: 'NOT_A_DIRECTORY', message: `${folder} is not a folder. Run codewright inside a git repository.`, data: { root: folder } });
  }
  const args = ['rev-parse', '--show-toplevel'];
  const result = await git(args, { cwd: folder, timeoutMs });
  if (result.spawnError || result.timedOut) throw gitError(args, result);
  const topLevel = result.stdout.trim();
  if (result.code !== 0 || topLevel === '') {
    throw new CodewrightError({
      code: 'INVALID_ARGUMENT',
      message: `${folder} is not inside a git repository (or is inside its .git folder). Run codewright check inside a git repository, or run \`git init\` and commit first.`,
      data: { root: folder, stderr: result.stderr.trim() },
    });
  }
  return topLevel;
}

/** The full commit id of `revision`; throws INVALID_ARGUMENT naming it when it does not exist. */
export async function resolveCommit(topLevel: string, revision: string, timeoutMs = defaultGitTimeoutMs): Promise<string> {
  const args = ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`];
  const result = await git(args, { cwd: topLevel, timeoutMs });
  if (result.spawnError || result.timedOut) throw gitError(args, result);
  if (result.code === 0) return result.stdout.trim();
  const message =
    revision === 'HEAD'
      ? `The repository at ${topLevel} has no commits yet, so there is nothing to check against. Commit first (\`git commit\`), or give a patch and a base.`
      : `The base revision \`${revision}\` does not exist in ${topLevel}. Give a branch, tag or commit that \`git rev-parse ${revision}\` knows (fetch it first if it is remote).`;
  throw new CodewrightError({ code: 'INVALID_ARGUMENT', message, data: { revision, topLevel } });
}

/** The absolute path of a file in the git directory (`index`, `worktrees`), as `git rev-parse --git-path` gives it. */
export async function gitPath(topLevel: string, name: string, timeoutMs = defaultGitTimeoutMs): Promise<string> {
  const args = ['rev-parse', '--git-path', name];
  const result = await git(args, { cwd: topLevel, timeoutMs });
  if (result.code !== 0) throw gitError(args, result);
  const path = result.stdout.trim();
  return isAbsolute(path) ? path : resolve(topLevel, path);
}
