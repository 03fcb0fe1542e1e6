/** `git diff` text to a Change for tests, through the real parser. */
export { parseDiff as parseGitDiff } from '../../build/testing/parse-diff.ts';
