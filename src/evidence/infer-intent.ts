/** Guesses what a change claims to be when `--intent` is not given, and says why. */
import type { Change, Intent } from '../core/change.ts';

const testPath = /(^|\/)(__tests__|tests?|spec)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)test_[^/]+\.py$|_test\.(py|go)$/;
const definition = /^\s*(export\s+)?(default\s+)?(async\s+)?(function|class|interface|type|const|def|fn|pub fn|func)\s/;

/**
 * feature: the change adds definitions (new files, or added lines that define something);
 * fix: it changes existing code together with tests;
 * refactor: it changes existing code only, adding no definitions and no tests.
 */
export function inferIntent(change: Change): { intent: Intent; why: string } {
  const code = change.files.filter((file) => !testPath.test(file.newPath ?? file.oldPath ?? ''));
  const tests = change.files.filter((file) => testPath.test(file.newPath ?? file.oldPath ?? ''));
  const added = code.filter((file) => file.kind === 'added');
  if (added.length > 0) return { intent: 'feature', why: `inferred: adds ${added.length === 1 ? added[0]!.newPath : `${added.length} files`}` };
  const addedDefinitions = code.flatMap((file) => file.hunks).flatMap((hunk) => hunk.lines).filter((line) => line.type === '+' && definition.test(line.text)).length;
  const removedDefinitions = code.flatMap((file) => file.hunks).flatMap((hunk) => hunk.lines).filter((line) => line.type === '-' && definition.test(line.text)).length;
  if (addedDefinitions > removedDefinitions) return { intent: 'feature', why: 'inferred: adds definitions' };
  if (tests.length > 0) return { intent: 'fix', why: 'inferred: changes code and tests' };
  return { intent: 'refactor', why: 'inferred: changes existing code only (pass --intent fix if it should change behaviour)' };
}
