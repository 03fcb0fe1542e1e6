/** Scoring attempts: the generic tests scorer, its pieces, and how a task's scorer is chosen. */
export { measuresFor, scorerFor } from './choose-scorer.ts';
export { runDetectedTests } from './run-detected-tests.ts';
export { runTestCommand, type CommandOutcome, type CommandRunOptions } from './run-test-command.ts';
export { matchIds, splitTestId, type IdResult } from './test-ids.ts';
export { applyTestPatch, patchPaths } from './test-patch.ts';
export { scoreWithTests, testsScorer } from './tests-scorer.ts';
