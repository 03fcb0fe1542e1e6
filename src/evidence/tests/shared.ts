/** What the tests evidence leaves in `context.shared` (key `tests`) for coverage and mutation testing. */
import type { ComparedTest } from './compare-runs.ts';
import type { TestRun, TestRunner } from './types.ts';

/** The key under which the tests evidence stores its results. */
export const testsSharedKey = 'tests';

/** One runner's runs on the base and the change. */
export interface TestsRunRecord {
  runner: TestRunner;
  /** Test files run on the change (relative), or `all` with `--full`. */
  selected: readonly string[] | 'all';
  /** Hunk ids each test file that ran reaches (through imports, touched names, or being changed). */
  reach: Map<string, string[]>;
  base: TestRun;
  change: TestRun;
  compared: ComparedTest[];
}

/** Everything the tests evidence ran. */
export interface TestsShared {
  specificationVersion: 'v1';
  records: TestsRunRecord[];
}

/** The tests results stored in `shared`, if the tests evidence ran before. */
export function readTestsShared(shared: ReadonlyMap<string, unknown>): TestsShared | undefined {
  const value = shared.get(testsSharedKey) as TestsShared | undefined;
  return value?.specificationVersion === 'v1' ? value : undefined;
}

/** Test files that reach `hunkId` and pass on the change, per runner: the tests worth running against a mutant. */
export function passingTestFilesFor(shared: TestsShared, hunkId: string): { runner: TestRunner; files: string[] }[] {
  return shared.records
    .map((record) => {
      const passing = new Set(record.compared.filter((test) => test.change.status === 'pass').map((test) => test.file));
      const files = [...record.reach].filter(([file, hunks]) => hunks.includes(hunkId) && passing.has(file)).map(([file]) => file);
      return { runner: record.runner, files };
    })
    .filter((entry) => entry.files.length > 0);
}
