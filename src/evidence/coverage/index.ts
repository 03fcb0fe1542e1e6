/** Coverage of changed lines: runs the impacted tests with coverage and reports added lines no test executes. */
export { createCoverageProvider } from './coverage-provider.ts';
export { coverageSharedKey, readCoverageShared, testFilesExecuting, type CoverageShared } from './shared.ts';
export { v8FileCoverage, type V8Function, type V8Range } from './v8-lines.ts';
export { executableLines } from './executable-code.ts';
export type { CoverageData, FileCoverage } from './types.ts';
