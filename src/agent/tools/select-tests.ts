/** Which test files the `test` tool runs, with which runner: the tests that reach the candidate's change, given files, or the whole suite. */
import type { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../../core/logger.ts';
import { collectChange, findTouchedSymbols } from '../../evidence/change/index.ts';
import { detectRunners, planTests } from '../../evidence/tests/index.ts';
import type { TestRunner } from '../../evidence/tests/index.ts';
import { listWorktreeFiles } from '../../evidence/tests/list-files.ts';
import { testLanguageOf } from '../../evidence/tests/plan-tests.ts';
import { isTestFileFor } from '../../evidence/tests/test-file-patterns.ts';

/** Test files to run with one runner (`all` for its whole suite). */
export interface TestBatch {
  runner: TestRunner;
  files: string[] | 'all';
}

export interface TestSelection {
  batches: TestBatch[];
  /** Why some code or files cannot be tested here (no runner, runner not installed). */
  problems: string[];
  /** Files the change touches (impacted selection only). */
  changedFiles?: number;
}

export interface SelectOptions {
  root: string;
  base: string;
  timeoutMs: number;
  logger: Logger;
  signal?: AbortSignal;
}

/**
 * The test files that reach the worktree's change against `base` (through imports, by naming a
 * touched definition, or by being changed), or every runner's whole suite with `full`. The
 * worktree is both sides of the check context: selection only reads the changed side, and
 * definitions of removed lines are looked up in the new file, which only makes selection wider.
 */
export async function selectImpactedTests(options: SelectOptions, atlas: DatabaseSync | undefined, full = false): Promise<TestSelection> {
  const { root } = options;
  const change = await collectChange(root, { base: options.base, ...(options.signal ? { signal: options.signal } : {}) });
  const hunks = change.files.flatMap((file) => file.hunks);
  if (hunks.length === 0 && !full) return { batches: [], problems: [], changedFiles: change.files.length };
  const touched = await findTouchedSymbols(change, { changeDir: root, baseDir: root, ...(atlas ? { atlas } : {}) });
  const plan = await planTests({
    root,
    baseDir: root,
    changeDir: root,
    change,
    hunks,
    intent: 'feature',
    touched,
    ...(atlas ? { atlas } : {}),
    full,
    timeoutMs: options.timeoutMs,
    logger: options.logger,
    ...(options.signal ? { signal: options.signal } : {}),
    shared: new Map(),
  });
  return {
    batches: plan.runners.filter((planned) => planned.selected === 'all' || planned.selected.length > 0).map((planned) => ({ runner: planned.runner, files: planned.selected })),
    problems: plan.problems.map((problem) => problem.reason),
    changedFiles: change.files.length,
  };
}

/** Groups `files` by the runner of their language found in the worktree; files no runner takes become problems. */
export async function selectGivenTests(root: string, files: readonly string[], timeoutMs: number): Promise<TestSelection> {
  const detections = await detectRunners(root, root, await listWorktreeFiles(root, timeoutMs));
  const selection: TestSelection = { batches: [], problems: [] };
  const byRunner = new Map<TestRunner, string[]>();
  for (const file of files) {
    const language = testLanguageOf(file);
    const candidates = detections.filter((detection) => (detection.status === 'found' ? detection.runner.language : detection.language) === language);
    const found = candidates.flatMap((detection) => (detection.status === 'found' ? [detection.runner] : []));
    const runner = found.find((candidate) => isTestFileFor(candidate.name, file)) ?? found[0];
    if (runner) byRunner.set(runner, [...(byRunner.get(runner) ?? []), file]);
    else {
      const missing = candidates.find((detection) => detection.status !== 'found');
      const reason = missing && 'reason' in missing ? missing.reason : 'no test runner for this kind of file (codewright runs vitest, jest, mocha, tap, node:test, pytest and unittest)';
      selection.problems.push(`${file}: ${reason}`);
    }
  }
  for (const [runner, mine] of byRunner) selection.batches.push({ runner, files: mine });
  return selection;
}
