/** Runs chosen test files in a worktree and reads each file's status: mined tasks name their tests by file. */
import type { Change } from '../../core/change.ts';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import { detectRunners, runTestFiles } from '../../evidence/tests/index.ts';
import type { TestRunner } from '../../evidence/tests/index.ts';
import { listWorktreeFiles } from '../../evidence/tests/list-files.ts';
import { candidateTestFiles, selectTestFiles } from '../../evidence/tests/select-tests.ts';
import { createTestReach } from '../../evidence/tests/test-reach.ts';

/** A test file's result in one run: `pass` when at least one test passed and none failed. */
export type FileStatus = 'pass' | 'fail';

/** The result of every test file of one run; files that reported only skipped tests are absent. */
export interface FileStatuses {
  files: Map<string, FileStatus>;
  /** The first failure message of each failing file. */
  messages: Map<string, string>;
  /** Set when the run as a whole went wrong and reported no test. */
  error?: string;
}

/** Limits of the runs of one candidate: the time left for each child process, and the run's abort signal. */
export interface RunLimits {
  timeoutMs: () => number;
  signal?: AbortSignal;
}

/** The runner for `language` (javascript or python) in `dir`, or why there is none. */
export async function findRunner(dir: string, language: 'javascript' | 'python', timeoutMs: number): Promise<Result<TestRunner, string>> {
  const files = await listWorktreeFiles(dir, timeoutMs);
  for (const detection of await detectRunners(dir, dir, files)) {
    if (detection.status === 'found' && detection.runner.language === language) return ok(detection.runner);
    if (detection.status !== 'found' && detection.language === language) return fail(detection.reason);
  }
  return fail(`no ${language} test runner found`);
}

/** The runner's test files in `dir` that import (or are) files the change touches. */
export async function testFilesReaching(runner: TestRunner, dir: string, change: Change, timeoutMs: number): Promise<string[]> {
  const files = await listWorktreeFiles(dir, timeoutMs);
  const hunks = change.files.flatMap((file) => file.hunks);
  const reach = await createTestReach({ dir, files, change, hunks, touched: new Map() });
  const candidates = candidateTestFiles(runner, dir, files, reach.atlasTestFiles);
  const selected = new Set((await selectTestFiles(candidates, reach)).keys());
  // A changed test file without hunks (emptied, binary, renamed) reaches nothing, yet it is one of the tests.
  const changedPaths = new Set(change.files.map((file) => file.newPath ?? file.oldPath));
  for (const file of candidates) if (changedPaths.has(file)) selected.add(file);
  return [...selected].sort();
}

/**
 * Runs `files` once and returns each file's status. Tasks name tests by file: every runner's command
 * line takes test files, so a task's test command runs exactly the tests it lists.
 */
export async function runTests(runner: TestRunner, dir: string, files: readonly string[], limits: RunLimits): Promise<FileStatuses> {
  const run = await runTestFiles(runner, dir, files, { timeoutMs: limits.timeoutMs(), ...(limits.signal ? { signal: limits.signal } : {}) });
  const statuses = new Map<string, FileStatus>();
  const messages = new Map<string, string>();
  for (const outcome of run.outcomes) {
    if (outcome.status === 'fail' || outcome.status === 'timeout') {
      statuses.set(outcome.file, 'fail');
      if (!messages.has(outcome.file)) messages.set(outcome.file, (outcome.message ?? outcome.status).split('\n')[0]?.trim() ?? outcome.status);
    } else if (outcome.status === 'pass' && !statuses.has(outcome.file)) statuses.set(outcome.file, 'pass');
  }
  return { files: statuses, messages, ...(run.error && run.outcomes.length === 0 ? { error: run.error } : {}) };
}
