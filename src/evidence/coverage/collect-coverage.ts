/** Runs a runner's selected tests on the change worktree with coverage on, and reads the changed files' lines. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckContext } from '../types.ts';
import type { PlannedRunner } from '../tests/plan-tests.ts';
import { runTestFiles, runTimeout } from '../tests/run-test-files.ts';
import { isTestFileFor } from '../tests/test-file-patterns.ts';
import type { RawCoverage, RunTestFilesOptions, TestRun } from '../tests/types.ts';
import type { ChangedSource } from './changed-sources.ts';
import { readIstanbulCoverage } from './read-istanbul.ts';
import { readPythonCoverage } from './read-python.ts';
import { readV8Coverage } from './read-v8.ts';
import { emptyCoverage, type CoverageData } from './types.ts';

/** Coverage, or why there is none. */
export type CoverageResult = { success: true; data: CoverageData } | { success: false; reason: string };

async function read(raw: RawCoverage, dir: string, planned: PlannedRunner, sources: Map<string, ChangedSource>): Promise<CoverageResult> {
  const executable = new Map([...sources].map(([path, file]) => [path, file.executable]));
  switch (raw.format) {
    case 'unavailable':
      return { success: false, reason: raw.reason };
    case 'istanbul':
      return { success: true, data: await readIstanbulCoverage(raw.file, dir, executable) };
    case 'python':
      return { success: true, data: await readPythonCoverage(raw.file, executable) };
    case 'v8': {
      const selected = new Set(planned.selected === 'all' ? [] : planned.selected);
      const isTestFile = (path: string) => selected.has(path) || (planned.selected === 'all' && isTestFileFor(planned.runner.name, path));
      return { success: true, data: await readV8Coverage(raw.directory, { dir, sources, isTestFile }) };
    }
  }
}

/**
 * Runs the runner's selected tests on the change with coverage on, and reads the coverage of `sources` from
 * that run (files no test loaded count as not executed); the raw coverage is removed before this returns.
 */
export async function runWithCoverage(
  changeDir: string,
  planned: PlannedRunner,
  sources: Map<string, ChangedSource>,
  options: RunTestFilesOptions,
): Promise<{ run: TestRun; coverage: CoverageResult }> {
  const directory = await mkdtemp(join(tmpdir(), 'codewright-coverage-'));
  try {
    const run = await runTestFiles(planned.runner, changeDir, planned.selected, { ...options, coverageDirectory: directory, coverageFiles: [...sources.keys()] });
    const result = await readRun(run, changeDir, planned, sources);
    return { run, coverage: result.success ? { success: true, data: withUnloadedFiles(result.data, sources) } : result };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function withUnloadedFiles(data: CoverageData, sources: Map<string, ChangedSource>): CoverageData {
  for (const [path, file] of sources) if (!data.files.has(path)) data.files.set(path, { executed: new Set(), notExecuted: new Set(file.executable) });
  return data;
}

async function readRun(run: TestRun, changeDir: string, planned: PlannedRunner, sources: Map<string, ChangedSource>): Promise<CoverageResult> {
  // A run cut short leaves lines unexecuted that would have run: no coverage beats wrong coverage.
  if (run.timedOut) return { success: false, reason: `the test run with coverage ${run.error ?? 'timed out'}` };
  if (run.error && run.outcomes.length === 0 && run.coverage?.format !== 'unavailable') return { success: false, reason: `the tests could not run: ${run.error}` };
  // Without @vitest/coverage-v8, vitest runs the tests with native imports, which some projects cannot load.
  const unloaded = run.outcomes.find((outcome) => outcome.name === '(file)' && outcome.status === 'fail');
  if (planned.runner.name === 'vitest' && run.coverage?.format === 'v8' && unloaded) {
    return { success: false, reason: `vitest could not load ${unloaded.file} with native imports for coverage: npm install -D @vitest/coverage-v8` };
  }
  return run.coverage ? await read(run.coverage, changeDir, planned, sources) : { success: false, reason: `${planned.runner.name} collected no coverage` };
}

/** Line coverage of `sources` by the runner's selected tests, from a run of its own. */
export async function collectCoverage(context: CheckContext, planned: PlannedRunner, sources: Map<string, ChangedSource>): Promise<CoverageResult> {
  if (planned.selected !== 'all' && planned.selected.length === 0) return { success: true, data: withUnloadedFiles(emptyCoverage(), sources) };
  const options = { timeoutMs: runTimeout(context.timeoutMs, planned.selected), signal: context.signal, typeTests: false };
  return (await runWithCoverage(context.changeDir, planned, sources, options)).coverage;
}
