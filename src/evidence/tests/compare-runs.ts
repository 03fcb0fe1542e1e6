/** Compares each test's outcome on the base and on the change. */
import type { TestOutcome } from './types.ts';

/** What the change did to one test. */
export type TestComparison = 'newly-failing' | 'newly-passing' | 'passing' | 'still-failing' | 'skipped';

/** One test of the change run, with its base outcome when the base had it. */
export interface ComparedTest {
  file: string;
  name: string;
  comparison: TestComparison;
  change: TestOutcome;
  base?: TestOutcome;
}

const failed = (outcome: TestOutcome | undefined) => outcome?.status === 'fail' || outcome?.status === 'timeout';
/**
 * A base outcome that says the test failed there. A file that reported nothing before the run's time limit
 * may have hung or may never have started: that shows no failure.
 */
const failedBefore = (outcome: TestOutcome | undefined) => failed(outcome) && outcome?.unreported !== true;

/** The base outcome standing for a whole file: its own `(file)` entry, else a pass if any test passed, else its first failure. */
function wholeFile(base: readonly TestOutcome[], file: string): TestOutcome | undefined {
  const outcomes = base.filter((outcome) => outcome.file === file);
  return outcomes.find((outcome) => outcome.name === '(file)') ?? outcomes.find((outcome) => outcome.status === 'pass') ?? outcomes.find(failed);
}

/**
 * Classifies every test of `change` against `base`. A test absent from the base counts as passing there
 * (a new test), unless its whole file failed on the base (an import of something the change adds).
 * A whole-file result on the change (timeout, import error) compares with the file's results on the base.
 * A base file that reported nothing before the run's time limit counts as unknown: a test passing on the
 * change is then `passing`, not `newly-passing` (nothing shows it failed before), and one failing is
 * `newly-failing`.
 */
export function compareRuns(base: readonly TestOutcome[], change: readonly TestOutcome[]): ComparedTest[] {
  const byKey = new Map(base.map((outcome) => [`${outcome.file}\u0000${outcome.name}`, outcome]));
  return change.map((outcome) => {
    const before =
      outcome.name === '(file)' ? wholeFile(base, outcome.file) : (byKey.get(`${outcome.file}\u0000${outcome.name}`) ?? byKey.get(`${outcome.file}\u0000(file)`));
    let comparison: TestComparison;
    if (outcome.status === 'skip') comparison = 'skipped';
    else if (failed(outcome)) comparison = failedBefore(before) ? 'still-failing' : 'newly-failing';
    else comparison = failedBefore(before) ? 'newly-passing' : 'passing';
    return { file: outcome.file, name: outcome.name, comparison, change: outcome, ...(before ? { base: before } : {}) };
  });
}
