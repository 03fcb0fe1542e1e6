/** Test ids of a task (`file`, or `file::name` as pytest writes them) matched against a runner's outcomes. */
import type { TestOutcome } from '../../evidence/tests/index.ts';

/** A test id split into its file and, when it names one test, the test's name. */
export function splitTestId(id: string): { file: string; name?: string } {
  const at = id.indexOf('::');
  if (at < 0) return { file: id };
  return { file: id.slice(0, at), name: id.slice(at + 2) };
}

/** What one id came to: passed, or failed with why. */
export interface IdResult {
  id: string;
  passed: boolean;
  message?: string;
}

function sameName(outcome: string, wanted: string): boolean {
  // node:test joins suites with ` > `, pytest with `::`: either spelling names the same test.
  const normal = (text: string) => text.replace(/\s*(>|::)\s*/g, '::').trim();
  return normal(outcome) === normal(wanted);
}

/**
 * An id naming a file passes when the file ran at least one test and none failed; an id naming a test passes when
 * that test ran and passed. Tests that did not run fail (`not run`): a scorer must not count what it did not see.
 */
export function matchIds(ids: readonly string[], outcomes: readonly TestOutcome[]): IdResult[] {
  return ids.map((id) => {
    const { file, name } = splitTestId(id);
    const inFile = outcomes.filter((outcome) => outcome.file === file);
    const chosen = name === undefined ? inFile.filter((outcome) => outcome.status !== 'skip') : inFile.filter((outcome) => sameName(outcome.name, name));
    if (chosen.length === 0) return { id, passed: false, message: 'not run' };
    const bad = chosen.find((outcome) => outcome.status !== 'pass');
    return bad ? { id, passed: false, message: `${bad.name}: ${bad.status}${bad.message ? ` (${bad.message.split('\n')[0]})` : ''}` } : { id, passed: true };
  });
}
