/** Verifies a commit that changes code and tests as a fix task: its tests fail at the parent with only the test patch, and pass with the fix. */
import { parseDiff } from '../../evidence/change/parse-diff.ts';
import { testLanguageOf } from '../../evidence/tests/plan-tests.ts';
import type { BenchTask } from '../task-schema.ts';
import { compareFixRuns } from './compare-fix-runs.ts';
import { dependencyMismatches } from './dependency-mismatch.ts';
import type { MinedCommit } from './mined-task.ts';
import { minedTask } from './mined-task.ts';
import type { MiningWorktree } from './mining-worktree.ts';
import { findRunner, type RunLimits, runTests, testFilesReaching } from './run-tests.ts';
import type { SplitCommit } from './split-commit.ts';

/** A kept task, or why the commit was not kept. */
export type Verification = { task: BenchTask } | { reason: string };

/** Test files the changed tests may reach: a commit reaching more is a sweeping change, not an issue fix. */
const maxTestFiles = 30;
/** Further test files reaching the fixed code, run for pass-to-pass tests (the first ones by path). */
const maxPassToPassFiles = 30;

/** The test language of the code paths (javascript or python), when all share one. */
export function runnerLanguage(codePaths: readonly string[]): 'javascript' | 'python' | undefined {
  const languages = new Set(codePaths.map(testLanguageOf));
  if (languages.size !== 1) return undefined;
  const [language] = languages;
  return language === 'javascript' || language === 'python' ? language : undefined;
}

/** Up to three failing files with the first failure message of the first one. */
export function describeFailures(files: readonly string[], messages: ReadonlyMap<string, string>): string {
  const first = files[0] === undefined ? undefined : messages.get(files[0]);
  return `${files.slice(0, 3).join(', ')}${files.length > 3 ? `, … (${files.length} in all)` : ''}${first ? ` (${first.slice(0, 160)})` : ''}`;
}

/** Why the dependencies installed in the repository do not fit the checked-out commit, or undefined when they do. */
export async function installedMismatch(dir: string, runner: string): Promise<string | undefined> {
  const mismatches = await dependencyMismatches(dir, [runner]);
  if (mismatches.length === 0) return undefined;
  return `the installed dependencies do not match the commit's package.json: ${mismatches.slice(0, 3).join(', ')}; install that commit's dependencies to mine it`;
}

/** Runs the commit's tests at the parent with the test patch, then with the fix; keeps it when some fail before and pass after. */
export async function verifyFix(mined: MinedCommit, split: SplitCommit, worktree: MiningWorktree, limits: RunLimits): Promise<Verification> {
  const language = runnerLanguage(split.codePaths);
  if (!language) return { reason: 'the code changed is not JavaScript, TypeScript or Python (or mixes them): no runner to verify it' };
  await worktree.checkout(split.parent);
  const tests = await worktree.apply(split.testPatch);
  if (!tests.success) return { reason: `the test patch does not apply at the parent: ${tests.error}` };
  const runner = await findRunner(worktree.dir, language, limits.timeoutMs());
  if (!runner.success) return { reason: runner.error };
  const mismatched = await installedMismatch(worktree.dir, runner.value.name);
  if (mismatched) return { reason: mismatched };
  const testChange = parseDiff(split.testPatch);
  if (!testChange.success) return { reason: `the test patch cannot be read: ${testChange.error.message}` };
  const changed = await testFilesReaching(runner.value, worktree.dir, testChange.value, limits.timeoutMs());
  if (changed.length === 0) return { reason: `no ${runner.value.name} test file runs the changed tests` };
  if (changed.length > maxTestFiles) return { reason: `the changed tests reach ${changed.length} test files (more than ${maxTestFiles}): too sweeping for a task` };
  const fixChange = parseDiff(split.fixPatch);
  const reachingFix = fixChange.success ? await testFilesReaching(runner.value, worktree.dir, fixChange.value, limits.timeoutMs()) : [];
  const files = [...changed, ...reachingFix.filter((file) => !changed.includes(file)).slice(0, maxPassToPassFiles)];
  // A run that reports nothing at the parent (its tests import what the fix adds) counts as failing.
  const before = await runTests(runner.value, worktree.dir, files, limits);
  const fix = await worktree.apply(split.fixPatch);
  if (!fix.success) return { reason: `the fix does not apply after the test patch: ${fix.error}` };
  const after = await runTests(runner.value, worktree.dir, files, limits);
  if (after.error) return { reason: `the tests do not run with the fix: ${after.error}` };
  const compared = compareFixRuns(before, after);
  if (compared.failToPass.length === 0) {
    if (compared.failingAfter.length > 0) return { reason: `the tests still fail with the fix: ${describeFailures(compared.failingAfter, after.messages)}` };
    return { reason: 'the new tests already pass before the fix' };
  }
  const task = await minedTask(mined, {
    kind: 'fix',
    patch: split.fixPatch,
    codePaths: split.codePaths,
    runner: runner.value.name,
    scoring: { failToPass: compared.failToPass, passToPass: compared.passToPass, testPatch: split.testPatch, reference: split.fixPatch },
  });
  return { task };
}
