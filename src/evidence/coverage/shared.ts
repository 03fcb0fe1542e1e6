/** What the coverage evidence leaves in `context.shared` (key `coverage`) for mutation testing. */
import type { RunnerName } from '../tests/types.ts';
import type { CoverageResult } from './collect-coverage.ts';
import type { CoverageData } from './types.ts';

/** The key under which the coverage evidence stores its results. */
export const coverageSharedKey = 'coverage';

/** Line coverage of the changed files on the change worktree. */
export interface CoverageShared {
  specificationVersion: 'v1';
  /** Changed file (relative) -> its executable lines that ran and that did not. */
  files: Map<string, { executed: number[]; notExecuted: number[] }>;
  /**
   * Test file -> changed file -> lines it executed. Known where each test file runs in its own process
   * (node:test, vitest without @vitest/coverage-v8, pytest and unittest); empty for jest, mocha and istanbul reports.
   */
  byTestFile: Map<string, Map<string, number[]>>;
}

const sorted = (lines: Iterable<number>) => [...lines].sort((a, b) => a - b);

/** The shared form of collected coverage. */
export function toCoverageShared(data: CoverageData): CoverageShared {
  return {
    specificationVersion: 'v1',
    files: new Map([...data.files].map(([path, file]) => [path, { executed: sorted(file.executed), notExecuted: sorted(file.notExecuted) }])),
    byTestFile: new Map([...data.byTestFile].map(([test, files]) => [test, new Map([...files].map(([path, lines]) => [path, sorted(lines)]))])),
  };
}

/** The coverage stored in `shared`, if the coverage evidence ran before. */
export function readCoverageShared(shared: ReadonlyMap<string, unknown>): CoverageShared | undefined {
  const value = shared.get(coverageSharedKey) as CoverageShared | undefined;
  return value?.specificationVersion === 'v1' ? value : undefined;
}

/** Test files that executed `line` of `path`; undefined when the runner does not tell test files apart. */
export function testFilesExecuting(shared: CoverageShared, path: string, line: number): string[] | undefined {
  if (shared.byTestFile.size === 0) return undefined;
  return [...shared.byTestFile].filter(([, files]) => files.get(path)?.includes(line)).map(([test]) => test);
}

/** The key under which the tests evidence leaves the coverage its run on the change collected, per runner. */
export const testRunCoverageKey = 'coverage-of-test-runs';

/**
 * Coverage the tests evidence collected while running the change, by runner (so that the coverage evidence need
 * not run the tests again); the map is created in `shared` on first use.
 */
export function testRunCoverage(shared: Map<string, unknown>): Map<RunnerName, CoverageResult> {
  let value = shared.get(testRunCoverageKey) as Map<RunnerName, CoverageResult> | undefined;
  if (!value) {
    value = new Map();
    shared.set(testRunCoverageKey, value);
  }
  return value;
}
