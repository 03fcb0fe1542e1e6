/** Finds the tests written for a translation and runs them with the project's runner. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runTestsIn, testFilesAmong } from '../../scaling/run-tests-in.ts';
import { type SourceLanguage, testPathHint } from './languages.ts';

/** The translation's tests: which files, whether all passed, and the first failures. */
export interface TargetTests {
  files: string[];
  passed: boolean;
  failures: string[];
}

/** Paths on the new side of a unified diff. */
function diffPaths(diff: string): string[] {
  return [...diff.matchAll(/^diff --git a\/.+? b\/(.+)$/gm)].map((match) => match[1]!);
}

/**
 * Test files (by the project's runners) that the candidate added or changed, or that sit where the
 * instructions suggest, and that mention the translation's module name.
 */
export async function findTargetTests(root: string, target: string, language: SourceLanguage, diff: string, timeoutMs: number): Promise<string[]> {
  const stem = path.posix.basename(target, path.posix.extname(target));
  const hinted = [testPathHint(target, language), path.posix.join('test', path.posix.basename(testPathHint(target, language))), path.posix.join('tests', path.posix.basename(testPathHint(target, language)))];
  const candidates = [...new Set([...diffPaths(diff), ...hinted])].filter((file) => file !== target && existsSync(path.join(root, file)));
  const tests = await testFilesAmong(root, candidates, timeoutMs);
  return tests.filter((file) => readFileSync(path.join(root, file), 'utf8').includes(stem));
}

/** Runs `files`; they pass when every test in them passed and at least one ran. */
export async function runTargetTests(root: string, files: readonly string[], options: { timeoutMs: number; signal?: AbortSignal }): Promise<TargetTests> {
  if (files.length === 0) return { files: [], passed: false, failures: ['no tests for the translation were found'] };
  const run = await runTestsIn(root, files, options);
  const failures = run.outcomes
    .filter((outcome) => outcome.status === 'fail' || outcome.status === 'timeout')
    .slice(0, 3)
    .map((outcome) => `${outcome.file} > ${outcome.name}${outcome.message ? `: ${outcome.message.split('\n')[0]}` : ''}`);
  failures.push(...run.problems.slice(0, 2));
  const passed = files.every((file) => run.files.get(file) === true) && failures.length === 0;
  return { files: [...files], passed, failures };
}
