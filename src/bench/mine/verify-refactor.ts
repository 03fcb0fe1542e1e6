/** Verifies a refactoring commit as a task: the tests that reach its code pass before and after, and its touched exports are the behaviour to preserve. */
import { parseDiff } from '../../evidence/change/parse-diff.ts';
import type { MinedCommit } from './mined-task.ts';
import { minedTask } from './mined-task.ts';
import type { MiningWorktree } from './mining-worktree.ts';
import { type FileStatuses, findRunner, type RunLimits, runTests, testFilesReaching } from './run-tests.ts';
import type { SplitCommit } from './split-commit.ts';
import { touchedExports } from './touched-exports.ts';
import { describeFailures, installedMismatch, runnerLanguage, type Verification } from './verify-fix.ts';

const maxTestFiles = 60;

function failures(run: FileStatuses): string[] {
  return [...run.files].filter(([, status]) => status === 'fail').map(([file]) => file);
}

function failing(run: FileStatuses): string {
  return describeFailures(failures(run), run.messages);
}

/** Keeps the commit when every test reaching its code passes at the parent and at the commit. */
export async function verifyRefactor(mined: MinedCommit, split: SplitCommit, worktree: MiningWorktree, limits: RunLimits): Promise<Verification> {
  const language = runnerLanguage(split.codePaths);
  if (!language) return { reason: 'the code changed is not JavaScript, TypeScript or Python (or mixes them): no runner to verify it' };
  const change = parseDiff(split.fixPatch);
  if (!change.success) return { reason: `the patch cannot be read: ${change.error.message}` };
  await worktree.checkout(mined.commit.sha);
  const runner = await findRunner(worktree.dir, language, limits.timeoutMs());
  if (!runner.success) return { reason: runner.error };
  const mismatchedAfter = await installedMismatch(worktree.dir, runner.value.name);
  if (mismatchedAfter) return { reason: mismatchedAfter };
  const files = await testFilesReaching(runner.value, worktree.dir, change.value, limits.timeoutMs());
  if (files.length === 0) return { reason: 'no tests reach the refactored code: nothing shows that behaviour is preserved' };
  if (files.length > maxTestFiles) return { reason: `the refactoring reaches ${files.length} test files (more than ${maxTestFiles}): too sweeping for a task` };
  const preserve = language === 'javascript' ? touchedExports(worktree.dir, change.value) : [];
  const after = await runTests(runner.value, worktree.dir, files, limits);
  if (after.error) return { reason: `the tests do not run after the refactoring: ${after.error}` };
  if (failures(after).length > 0) return { reason: `tests fail after the refactoring: ${failing(after)}` };
  await worktree.checkout(split.parent);
  const mismatched = await installedMismatch(worktree.dir, runner.value.name);
  if (mismatched) return { reason: mismatched };
  const before = await runTests(runner.value, worktree.dir, files, limits);
  if (before.error) return { reason: `the tests do not run before the refactoring: ${before.error}` };
  if (failures(before).length > 0) return { reason: `tests fail before the refactoring: ${failing(before)}` };
  const passToPass = [...after.files.keys()].filter((file) => before.files.get(file) === 'pass');
  if (passToPass.length === 0) return { reason: 'no test passes both before and after the refactoring' };
  const task = await minedTask(mined, {
    kind: 'refactor',
    patch: split.fixPatch,
    codePaths: split.codePaths,
    runner: runner.value.name,
    scoring: { passToPass, reference: split.fixPatch, preserve },
  });
  return { task };
}
