/** The benchmark: the task format, loading suites, running any agent on them, scores, reports and comparisons. */
export { benchFamilies, benchTaskSchema, type BenchFamily, type BenchTask, type BenchTaskInput } from './task-schema.ts';
export type { Attempt, AttemptScore, AttemptStatus, BenchAgent, BenchAgentOptions, BenchMeasure, BenchScorer, BenchScorerOptions, ScoreStatus, SuiteAdapter } from './types.ts';
export { describeIssues, loadSuite, loadTaskFile, parseSuiteSpec, parseTaskLines, type LoadedTasks } from './load-tasks.ts';
export { describeFailure, outputTail, runShell, shellQuote } from './shell-command.ts';
export * from './agents/index.ts';
export * from './run/index.ts';
export { measuresFor, scorerFor, scoreWithTests, testsScorer } from './scorers/index.ts';
export { passAtK } from './score/pass-at-k.ts';
export { summarizeGroup, summarizeRun } from './score/summarize-run.ts';
export type { BenchSummary, GroupDimension, GroupSummary, SampleRow, TaskResult } from './score/summary-types.ts';
export { benchReport, renderBenchReport, reportFormats, type BenchReport, type ReportFormat } from './report/bench-report.ts';
export { compareRuns, compareSummaries, type RunComparison, type TaskDifference } from './compare/compare-runs.ts';
export { renderComparisonMarkdown } from './compare/render-comparison.ts';
export { mcnemarExact } from './compare/mcnemar.ts';
export { wilcoxonSignedRank } from './compare/wilcoxon.ts';
