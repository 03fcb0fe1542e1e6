/** Runs some test files of a worktree once, with a timeout, and returns each test's outcome. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../../core/process.ts';
import { formatSeconds } from './child-environment.ts';
import { errorLine } from './failure-message.ts';
import { jestAdapter } from './jest-adapter.ts';
import { mochaAdapter } from './mocha-adapter.ts';
import { nodeTestAdapter } from './node-test-adapter.ts';
import { createOutcomeCollector } from './outcome-collector.ts';
import { pythonAdapter } from './python-adapter.ts';
import { runInvocations } from './run-invocations.ts';
import { tapAdapter } from './tap-adapter.ts';
import type { RunnerAdapter } from './runner-adapter.ts';
import type { RunnerName, RunTestFilesOptions, TestRun, TestRunner } from './types.ts';
import { vitestAdapter } from './vitest-adapter.ts';

const adapters: Record<RunnerName, RunnerAdapter> = {
  'node-test': nodeTestAdapter,
  vitest: vitestAdapter,
  jest: jestAdapter,
  mocha: mochaAdapter,
  tap: tapAdapter,
  pytest: pythonAdapter,
  unittest: pythonAdapter,
};

function runError(runner: TestRunner, results: readonly RunResult[], timeoutMessage: string, readError: string | undefined): string | undefined {
  const spawnError = results.find((result) => result.spawnError)?.spawnError;
  if (spawnError) return `could not start ${runner.program}: ${spawnError.message}`;
  if (results.some((result) => result.timedOut)) return timeoutMessage;
  if (!readError) return undefined;
  const output = results.map((result) => result.stderr || result.stdout).join('\n');
  return `${readError}: ${errorLine(output) ?? output.trim().split('\n').pop()?.trim() ?? ''}`;
}

/** A run of many files gets more time than the per-run limit: half a second for each file beyond 20. */
export function runTimeout(timeoutMs: number, files: readonly string[] | 'all'): number {
  return files === 'all' ? timeoutMs : timeoutMs + 500 * Math.max(0, files.length - 20);
}

/**
 * Runs `files` (relative to `dir`; `all` for the whole suite) with `runner`, killing process groups at
 * `options.timeoutMs` after the start. Tests cut off by the timeout come back as `timeout`. With
 * `coverageDirectory`, raw coverage is collected there and `coverage` says its format; when the runner cannot
 * collect it, nothing runs and `coverage` says why. Never throws for failing tests or a broken runner: `error` says what went wrong.
 */
export async function runTestFiles(runner: TestRunner, dir: string, files: readonly string[] | 'all', options: RunTestFilesOptions): Promise<TestRun> {
  const empty: TestRun = { runner: runner.name, dir, files, outcomes: [], exitCode: null, timedOut: false, durationMs: 0 };
  if (files !== 'all' && files.length === 0) return { ...empty, exitCode: 0 };
  const started = performance.now();
  const workDirectory = await mkdtemp(join(tmpdir(), 'codewright-tests-'));
  try {
    const adapter = adapters[runner.name];
    const input = {
      runner,
      dir,
      files,
      workDirectory,
      coverageDirectory: options.coverageDirectory,
      coverageFiles: options.coverageFiles,
      typeTests: options.typeTests,
      coveragePerTestFile: options.coveragePerTestFile,
      bail: options.bail,
    };
    const plan = await adapter.prepare(input);
    if (plan.coverage?.format === 'unavailable') return { ...empty, coverage: plan.coverage };
    const results = await runInvocations(plan.invocations, { program: runner.program, cwd: dir, timeoutMs: options.timeoutMs, signal: options.signal });
    const collector = createOutcomeCollector();
    const readError = await adapter.collect(input, results, collector);
    const timedOut = results.some((result) => result.timedOut);
    const timeoutMessage = `timed out after ${formatSeconds(options.timeoutMs)}`;
    const outcomes = collector.finish(timedOut ? { message: timeoutMessage, files } : undefined);
    const error = runError(runner, results, timeoutMessage, outcomes.length === 0 ? readError : undefined);
    const codes = results.map((result) => result.code);
    return {
      ...empty,
      outcomes,
      exitCode: codes.every((code) => code === 0) ? 0 : (codes.find((code) => code !== 0) ?? null),
      timedOut,
      durationMs: performance.now() - started,
      ...(error ? { error } : {}),
      ...(plan.coverage ? { coverage: plan.coverage } : {}),
    };
  } finally {
    await rm(workDirectory, { recursive: true, force: true });
  }
}
