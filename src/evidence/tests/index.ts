/** Impacted tests: runner detection, test selection through the import graph, runs on base and change. */
export { createTestsProvider } from './tests-provider.ts';
export { runTestFiles } from './run-test-files.ts';
export { detectRunners } from './detect-runners.ts';
export type { RunnerDetection } from './detection.ts';
export { planTests, type PlannedRunner, type TestPlan, type TestsProblem } from './plan-tests.ts';
export { compareRuns, type ComparedTest, type TestComparison } from './compare-runs.ts';
export { passingTestFilesFor, readTestsShared, testsSharedKey, type TestsRunRecord, type TestsShared } from './shared.ts';
export type { RawCoverage, RunnerName, RunTestFilesOptions, TestOutcome, TestRun, TestRunner, TestStatus } from './types.ts';
