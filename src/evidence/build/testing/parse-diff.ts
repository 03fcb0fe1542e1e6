/** `git diff` text to a Change for tests, through the real parser; a parse error fails the test. */
import type { Change } from '../../../core/change.ts';
import { parseDiff as parseChange } from '../../change/parse-diff.ts';

/** Parses `patch` against `base` or throws with the parser's message. */
export function parseDiff(patch: string, base: string): Change {
  const result = parseChange(patch, { base });
  if (!result.success) throw new Error(`test diff does not parse: ${result.error.message}`);
  return result.value;
}
