/** Splits a commit into the patch of its tests and the patch of everything else (the fix), both against its first parent. */
import type { CommitFact } from '../../atlas/history/types.ts';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import { git, gitOutput } from '../../evidence/workspace/git.ts';
import { isCodePath, isTestPath } from './classify-paths.ts';

/** A commit as a task: its parent, its two patches, and the paths in each. */
export interface SplitCommit {
  parent: string;
  testPatch: string;
  fixPatch: string;
  testPaths: string[];
  codePaths: string[];
}

const diffArguments = ['diff', '--binary', '--no-renames', '--full-index', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/'];

/** The first parent of `sha`, or undefined for a root commit. */
export async function firstParent(topLevel: string, sha: string, timeoutMs: number): Promise<string | undefined> {
  const result = await git(['rev-parse', '--verify', '--quiet', `${sha}^1`], { cwd: topLevel, timeoutMs });
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** `git diff parent sha` limited to `pathspecs` (literal paths, or exclusions). */
export function diffPaths(topLevel: string, parent: string, sha: string, pathspecs: readonly string[], timeoutMs: number): Promise<string> {
  return gitOutput([...diffArguments, parent, sha, '--', ...pathspecs], { cwd: topLevel, timeoutMs, maxOutputBytes: 64 * 1024 * 1024 });
}

/** Test patch = test files and their data; fix patch = every other file the commit changed. */
export async function splitCommit(topLevel: string, commit: CommitFact, timeoutMs: number): Promise<Result<SplitCommit, string>> {
  const parent = await firstParent(topLevel, commit.sha, timeoutMs);
  if (parent === undefined) return fail('the first commit has no parent to start from');
  const paths = commit.files.map((file) => file.path);
  const testPaths = paths.filter(isTestPath);
  const codePaths = paths.filter(isCodePath);
  const literal = testPaths.map((path) => `:(top,literal)${path}`);
  const excluded = testPaths.map((path) => `:(top,exclude,literal)${path}`);
  const testPatch = testPaths.length === 0 ? '' : await diffPaths(topLevel, parent, commit.sha, literal, timeoutMs);
  const fixPatch = await diffPaths(topLevel, parent, commit.sha, excluded.length === 0 ? [] : [':(top)', ...excluded], timeoutMs);
  return ok({ parent, testPatch, fixPatch, testPaths, codePaths });
}
