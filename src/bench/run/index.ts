/** The bench engine: runs on disk, task checkouts, agents within limits, scoring with flaky detection, resume. */
export { benchFiles, benchRunDirectory, benchRunsDirectory, pairFolder, pairKey, type BenchRunRecord, type BenchRunStatus } from './bench-run-record.ts';
export { checkFreeSpace, defaultMinFreeBytes, freeBytes } from './disk-space.ts';
export { appendRecord, readRecords } from './journal.ts';
export { createBenchRun, readBenchRun, readJournals, type OpenedBenchRun } from './open-bench-run.ts';
export { prepareWorkspace, type PrepareWorkspaceOptions } from './prepare-workspace.ts';
export { runBench, type BenchProgress, type BenchRunOptions, type BenchRunOutcome } from './run-bench.ts';
export { scoreAttempt, scoreWithoutScorer, type ScoreAttemptOptions } from './score-attempt.ts';
export { applyPatch, commitAll, resetWorkspace, workspacePatch, type TaskWorkspace } from './workspace-git.ts';
export { runPool } from './worker-pool.ts';
