/** Chooses the test files of a runner that reach the change. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isTestFileFor } from './test-file-patterns.ts';
import type { TestReach } from './test-reach.ts';
import type { TestRunner } from './types.ts';

/** The runner's test files in `files`: by its conventions, or flagged by the atlas and named like tests. */
export function candidateTestFiles(runner: TestRunner, dir: string, files: readonly string[], atlasTestFiles: ReadonlySet<string>): string[] {
  const extension = runner.language === 'python' ? /\.py$/ : /\.[cm]?[jt]sx?$/;
  const named = (path: string) => /(test|spec)[^/]*$/i.test(path) && extension.test(path) && !/(^|\/)node_modules\//.test(path);
  return files.filter((path) => (isTestFileFor(runner.name, path) || (atlasTestFiles.has(path) && named(path))) && existsSync(join(dir, path)));
}

/** Test file -> hunk ids it reaches, for the candidates that reach at least one hunk. */
export async function selectTestFiles(candidates: readonly string[], reach: TestReach): Promise<Map<string, string[]>> {
  const selected = new Map<string, string[]>();
  for (const file of candidates) {
    const hunks = await reach.hunksOf(file);
    if (hunks.length > 0) selected.set(file, hunks);
  }
  return selected;
}
