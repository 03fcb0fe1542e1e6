/** Git in a task's checkout: commits with a fixed identity, reset to the base, apply a patch, and the patch of the tree. */
import { candidateDiff } from '../../agent/run/candidate-diff.ts';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import { git, gitError, gitOutput } from '../../evidence/workspace/git.ts';

/** A task's checkout and the commit its agent starts from. */
export interface TaskWorkspace {
  root: string;
  /** The task's base commit plus what setup left that git does not ignore (committed). */
  base: string;
}

// A fixed identity and date: the same inline files always make the same base commit.
const commitEnvironment = {
  GIT_AUTHOR_NAME: 'codewright bench',
  GIT_AUTHOR_EMAIL: 'bench@codewright.invalid',
  GIT_COMMITTER_NAME: 'codewright bench',
  GIT_COMMITTER_EMAIL: 'bench@codewright.invalid',
  GIT_AUTHOR_DATE: '2000-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2000-01-01T00:00:00Z',
};

/** Commits everything git does not ignore when anything changed; returns HEAD. */
export async function commitAll(root: string, message: string, timeoutMs: number): Promise<string> {
  await gitOutput(['add', '-A', '--', '.'], { cwd: root, timeoutMs });
  const staged = await git(['diff', '--cached', '--quiet'], { cwd: root, timeoutMs });
  if (staged.code === 1) await gitOutput(['-c', 'commit.gpgsign=false', 'commit', '-q', '--no-verify', '-m', message], { cwd: root, timeoutMs, env: commitEnvironment });
  else if (staged.code !== 0) throw gitError(['diff', '--cached', '--quiet'], staged);
  return (await gitOutput(['rev-parse', 'HEAD'], { cwd: root, timeoutMs })).trim();
}

/** Puts the checkout back at its base: tracked files reset, untracked files removed (ignored ones, such as installed dependencies, stay). */
export async function resetWorkspace(workspace: TaskWorkspace, timeoutMs: number): Promise<void> {
  await gitOutput(['reset', '-q', '--hard', workspace.base], { cwd: workspace.root, timeoutMs });
  await gitOutput(['clean', '-f', '-d', '-q'], { cwd: workspace.root, timeoutMs });
}

/** Applies a unified diff to the checkout; a patch that does not apply comes back as git's words. */
export async function applyPatch(workspace: TaskWorkspace, patch: string, timeoutMs: number): Promise<Result<void, string>> {
  if (patch.trim() === '') return ok(undefined);
  const args = ['apply', '--binary', '--whitespace=nowarn', '-'];
  const result = await git(args, { cwd: workspace.root, timeoutMs, input: patch.endsWith('\n') ? patch : `${patch}\n` });
  if (result.code === 0) return ok(undefined);
  return fail(result.stderr.trim().split('\n').slice(0, 3).join(' | ') || `git apply failed (exit ${result.code})`);
}

/** Everything changed in the checkout against its base, as one `git diff --binary` (`.codewright/` and dependency folders left out). */
export function workspacePatch(workspace: TaskWorkspace, timeoutMs: number): Promise<string> {
  return candidateDiff({ id: 'bench', root: workspace.root, repositoryRoot: workspace.root, base: workspace.base }, { timeoutMs });
}
