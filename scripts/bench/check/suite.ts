/** The benchmarked project's test suite: its runner, its test files, file-by-file runs that stop at the first failure, and line coverage per test file. */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProcess } from '../../../src/core/process.ts';
import { readV8Coverage } from '../../../src/evidence/coverage/read-v8.ts';
import { executableLines } from '../../../src/evidence/coverage/index.ts';
import { detectRunners, runTestFiles } from '../../../src/evidence/tests/index.ts';
import type { TestRunner } from '../../../src/evidence/tests/index.ts';
import { childEnvironment } from '../../../src/evidence/tests/child-environment.ts';
import { isTestFileFor } from '../../../src/evidence/tests/test-file-patterns.ts';
import { git } from './scratch.ts';

/** Limit of one test file run on its own; the project's tap config uses 30 s. */
const fileTimeoutMs = 30_000;

/** A project's suite as the benchmark drives it. */
export interface Suite {
  runner: TestRunner;
  testFiles: string[];
  /** Seconds each test file took when last run on its own (for running quick files first). */
  seconds: Map<string, number>;
}

/** Detects the runner of `dir` with codewright's own detection; test files are those the runner would pick. */
export async function openSuite(dir: string): Promise<Suite> {
  const files = git(dir, 'ls-files').split('\n').filter(Boolean);
  const detection = (await detectRunners(dir, dir, files)).find((item) => item.status === 'found');
  if (!detection || detection.status !== 'found') throw new Error(`no test runner found in ${dir}`);
  const runner = detection.runner;
  return { runner, testFiles: files.filter((path) => isTestFileFor(runner.name, path)), seconds: new Map() };
}

/** tap and node:test files run one by one as Node scripts (one process per file); other runners only run whole (file lists go through the runner). */
export function runsFileByFile(suite: Suite): boolean {
  return suite.runner.name === 'tap' || suite.runner.name === 'node-test';
}

/** Runs the whole suite once through codewright's runner adapter (coverage off); seconds and whether every test passed. */
export async function runWholeSuite(suite: Suite, dir: string): Promise<{ seconds: number; passed: boolean; failures: string[] }> {
  const run = await runTestFiles(suite.runner, dir, 'all', { timeoutMs: 10 * 60_000 });
  const failures = run.outcomes.filter((outcome) => outcome.status === 'fail' || outcome.status === 'timeout').map((outcome) => `${outcome.file} > ${outcome.name}`);
  return { seconds: run.durationMs / 1000, passed: failures.length === 0 && !run.error && run.exitCode === 0, failures: run.error ? [run.error, ...failures] : failures };
}

/**
 * Runs `files` in order, each as its own process (`node <file>`), a few at a time, and stops starting new
 * ones after the first failure. Returns the first failing file, or undefined when all pass.
 */
export async function firstFailingFile(suite: Suite, dir: string, files: readonly string[]): Promise<string | undefined> {
  if (!runsFileByFile(suite)) return failingFileOfRun(suite, dir, files);
  let next = 0;
  let failing: string | undefined;
  const worker = async () => {
    while (failing === undefined && next < files.length) {
      const file = files[next++]!;
      const run = await runProcess(process.execPath, [...(suite.runner.name === 'node-test' ? suite.runner.baseArgs : []), file], {
        cwd: dir,
        env: childEnvironment(),
        timeoutMs: fileTimeoutMs,
        maxOutputBytes: 64 * 1024,
      });
      suite.seconds.set(file, run.durationMs / 1000);
      if (run.code !== 0 && failing === undefined) failing = file;
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  return failing;
}

/**
 * For runners that run files only through themselves (vitest, jest, mocha): one run of `files` (the whole
 * suite, by the runner's own configuration, when they are all of it); the first failing file, or the run's
 * error when it failed without a failing test.
 */
async function failingFileOfRun(suite: Suite, dir: string, files: readonly string[]): Promise<string | undefined> {
  const whole = files.length === suite.testFiles.length && suite.testFiles.every((file) => files.includes(file));
  const run = await runTestFiles(suite.runner, dir, whole ? 'all' : files, { timeoutMs: 10 * 60_000 });
  const failing = run.outcomes.find((outcome) => outcome.status === 'fail' || outcome.status === 'timeout');
  if (failing) return failing.file;
  if (run.error || run.exitCode !== 0) return `(the run failed: ${run.error ?? `exit ${run.exitCode}`})`;
  return undefined;
}

/** Test file -> source file -> lines it executed, from one whole-suite run with V8 coverage. */
export async function coverageByTestFile(suite: Suite, dir: string, sourceFiles: readonly string[]): Promise<Map<string, Map<string, Set<number>>>> {
  if (!runsFileByFile(suite)) throw new Error(`the wrong-change corpus needs a suite run file by file (tap, node:test); this one uses ${suite.runner.name}: build only the refactors with BENCH_CHECK_KINDS=refactors`);
  const directory = await mkdtemp(join(tmpdir(), 'codewright-check-bench-coverage-'));
  try {
    const run = await runTestFiles(suite.runner, dir, 'all', { timeoutMs: 10 * 60_000, coverageDirectory: directory });
    if (run.coverage?.format !== 'v8') throw new Error(`no V8 coverage from ${suite.runner.name}: ${run.error ?? JSON.stringify(run.coverage)}`);
    const sources = new Map<string, { source: string; executable: Set<number> }>();
    for (const path of sourceFiles) {
      const source = git(dir, 'show', `HEAD:${path}`);
      sources.set(path, { source, executable: await executableLines(path, source) });
    }
    const data = await readV8Coverage(directory, { dir, sources, isTestFile: (path) => suite.testFiles.includes(path) });
    return data.byTestFile;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * The suite's files in the order that finds a failure soonest for a change at `path:line`: the test file
 * named after the source, then the files that execute the line (quickest first), then all the others.
 */
export function suiteOrder(suite: Suite, coverage: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<number>>>, path: string, lines: readonly number[]): string[] {
  const quickest = (left: string, right: string) => (suite.seconds.get(left) ?? 0.5) - (suite.seconds.get(right) ?? 0.5);
  const named = suite.testFiles.filter((file) => file.replace(/^tests?\//, '') === path);
  const executing = suite.testFiles.filter((file) => !named.includes(file) && lines.some((line) => coverage.get(file)?.get(path)?.has(line))).sort(quickest);
  const rest = suite.testFiles.filter((file) => !named.includes(file) && !executing.includes(file)).sort(quickest);
  return [...named, ...executing, ...rest];
}
