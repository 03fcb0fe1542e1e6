/** Decides which test files a fix makes pass: the fail-to-pass and pass-to-pass lists of a mined task. */
import type { FileStatuses } from './run-tests.ts';

/** The test files of the two runs, sorted by what the fix did to them. */
export interface FixComparison {
  /** Failing (or not running at all) with the test patch only, passing with the fix. */
  failToPass: string[];
  /** Passing in both runs. */
  passToPass: string[];
  /** Failing with the fix applied. */
  failingAfter: string[];
}

/** Compares the run with the test patch only (`before`) and the run with the fix too (`after`). */
export function compareFixRuns(before: FileStatuses, after: FileStatuses): FixComparison {
  const comparison: FixComparison = { failToPass: [], passToPass: [], failingAfter: [] };
  for (const [file, status] of after.files) {
    if (status === 'fail') comparison.failingAfter.push(file);
    // A file that reported nothing before failed to load (it uses what the fix adds).
    else if (before.files.get(file) === 'pass') comparison.passToPass.push(file);
    else comparison.failToPass.push(file);
  }
  return comparison;
}
