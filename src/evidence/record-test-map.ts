/**
 * `check --record-tests`: runs the whole suite once on the base commit with V8 coverage, one report per test
 * file, and keeps which lines of which source files each test file executed (the test map). Later checks
 * against the same commit run only the test files that execute the changed lines.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../core/logger.ts';
import { executableLines } from './coverage/index.ts';
import { readV8Coverage } from './coverage/read-v8.ts';
import { detectRunners } from './tests/detect-runners.ts';
import { listWorktreeFiles } from './tests/list-files.ts';
import { runTestFiles } from './tests/run-test-files.ts';
import { isTestFileFor } from './tests/test-file-patterns.ts';
import { toRanges, writeTestMap, type LineRanges } from './tests/test-map.ts';
import type { RunnerName } from './tests/types.ts';

/** Time limit of the recording run of the whole suite. */
const recordTimeoutMs = 30 * 60_000;

export interface RecordInput {
  root: string;
  /** A worktree at `base`. */
  baseDir: string;
  base: string;
  timeoutMs: number;
  logger: Logger;
  signal?: AbortSignal;
}

/** What recording did for one runner. */
export type RecordOutcome =
  | { runner: RunnerName; status: 'recorded'; path: string; testFiles: number; sources: number; failingTests: number; seconds: number }
  | { runner: RunnerName | 'none'; status: 'unavailable'; reason: string };

function isSourceFile(runner: RunnerName, path: string): boolean {
  return /\.[cm]?[jt]sx?$/.test(path) && !/\.d\.[cm]?ts$/.test(path) && !/(^|\/)node_modules\//.test(path) && !isTestFileFor(runner, path);
}

/** Records the test map of every JavaScript runner of the base worktree. Never throws for a failing suite. */
export async function recordTestMaps(input: RecordInput): Promise<RecordOutcome[]> {
  const files = await listWorktreeFiles(input.baseDir, Math.min(input.timeoutMs, 60_000));
  const outcomes: RecordOutcome[] = [];
  for (const detection of await detectRunners(input.baseDir, input.root, files)) {
    if (detection.status !== 'found') continue;
    const runner = detection.runner;
    if (runner.language !== 'javascript') {
      outcomes.push({ runner: runner.name, status: 'unavailable', reason: `the test map records JavaScript runners with V8 coverage; ${runner.name} tests keep being selected through imports` });
      continue;
    }
    outcomes.push(await recordRunner(input, runner, files));
  }
  if (outcomes.length === 0) outcomes.push({ runner: 'none', status: 'unavailable', reason: 'no test runner found to record a test map for' });
  return outcomes;
}

async function recordRunner(input: RecordInput, runner: Parameters<typeof runTestFiles>[0], files: readonly string[]): Promise<RecordOutcome> {
  const started = performance.now();
  const directory = await mkdtemp(join(tmpdir(), 'codewright-test-map-'));
  try {
    input.logger.info(`record-tests: running the whole ${runner.name} suite on ${input.base.slice(0, 12)} with coverage per test file…`);
    const timeoutMs = Math.max(input.timeoutMs, recordTimeoutMs);
    const options = { timeoutMs, coverageDirectory: directory, coveragePerTestFile: true, typeTests: false, ...(input.signal ? { signal: input.signal } : {}) };
    const run = await runTestFiles(runner, input.baseDir, 'all', options);
    if (run.coverage?.format !== 'v8') {
      const reason = run.coverage?.format === 'unavailable' ? run.coverage.reason : `${runner.name} gave no V8 coverage per process`;
      return { runner: runner.name, status: 'unavailable', reason: `cannot record a test map: ${reason}` };
    }
    if (run.timedOut) return { runner: runner.name, status: 'unavailable', reason: `cannot record a test map: the suite ${run.error ?? 'timed out'}` };
    const sources = new Map<string, { source: string; executable: Set<number> }>();
    for (const path of files.filter((file) => isSourceFile(runner.name, file))) {
      const source = await readFile(join(input.baseDir, path), 'utf8').catch(() => undefined);
      if (source !== undefined) sources.set(path, { source, executable: await executableLines(path, source) });
    }
    // A line counts by its last character: a function's declaration line then belongs to the tests that call it.
    const data = await readV8Coverage(run.coverage.directory, { dir: input.baseDir, sources, isTestFile: (path) => isTestFileFor(runner.name, path), probe: 'last' });
    if (data.byTestFile.size === 0) {
      return { runner: runner.name, status: 'unavailable', reason: `cannot record a test map: no ${runner.name} process reported coverage for a test file${run.error ? ` (${run.error})` : ''}` };
    }
    const executed: Record<string, Record<string, LineRanges>> = {};
    for (const [testFile, byFile] of data.byTestFile) {
      const entry: Record<string, LineRanges> = {};
      for (const [path, lines] of byFile) if (lines.size > 0) entry[path] = toRanges(lines);
      executed[testFile] = entry;
    }
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const path = writeTestMap(input.root, { runner: runner.name, base: input.base, recordedAt: new Date().toISOString(), seconds, sources: [...sources.keys()], executed });
    const failingTests = run.outcomes.filter((outcome) => outcome.status === 'fail' || outcome.status === 'timeout').length;
    return { runner: runner.name, status: 'recorded', path, testFiles: data.byTestFile.size, sources: sources.size, failingTests, seconds };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
