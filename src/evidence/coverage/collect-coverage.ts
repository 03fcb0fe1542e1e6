/** Runs a runner's selected tests on the change worktree with coverage on, and reads the changed files' lines. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckContext } from '../types.ts';
import type { PlannedRunner } from '../tests/plan-tests.ts';
import { runTestFiles, runTimeout } from '../tests/run-test-files.ts';
import { isTestFileFor } from '../tests/test-file-patterns.ts';
import type { RawCoverage } from '../tests/types.ts';
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

/** Line coverage of `sources` by the runner's selected tests; files no test loaded count as not executed. */
export async function collectCoverage(context: CheckContext, planned: PlannedRunner, sources: Map<string, ChangedSource>): Promise<CoverageResult> {
  let result: CoverageResult = { success: true, data: emptyCoverage() };
  if (planned.selected === 'all' || planned.selected.length > 0) {
    const directory = await mkdtemp(join(tmpdir(), 'codewright-coverage-'));
    try {
      const options = { timeoutMs: runTimeout(context.timeoutMs, planned.selected), signal: context.signal, coverageDirectory: directory, coverageFiles: [...sources.keys()], typeTests: false };
      const run = await runTestFiles(planned.runner, context.changeDir, planned.selected, options);
      // A run cut short leaves lines unexecuted that would have run: no coverage beats wrong coverage.
      if (run.timedOut) return { success: false, reason: `the test run with coverage ${run.error ?? 'timed out'}` };
      if (run.error && run.outcomes.length === 0 && run.coverage?.format !== 'unavailable') return { success: false, reason: `the tests could not run: ${run.error}` };
      // Without @vitest/coverage-v8, vitest runs the tests with native imports, which some projects cannot load.
      const unloaded = run.outcomes.find((outcome) => outcome.name === '(file)' && outcome.status === 'fail');
      if (planned.runner.name === 'vitest' && run.coverage?.format === 'v8' && unloaded) {
        return { success: false, reason: `vitest could not load ${unloaded.file} with native imports for coverage: npm install -D @vitest/coverage-v8` };
      }
      result = run.coverage ? await read(run.coverage, context.changeDir, planned, sources) : { success: false, reason: `${planned.runner.name} collected no coverage` };
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }
  if (result.success) {
    for (const [path, file] of sources) if (!result.data.files.has(path)) result.data.files.set(path, { executed: new Set(), notExecuted: new Set(file.executable) });
  }
  return result;
}
