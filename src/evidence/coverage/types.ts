/** Line coverage as the coverage evidence computes it for the files a change touches. */

/** Which executable lines of one file the tests executed; lines in neither set cannot execute. */
export interface FileCoverage {
  executed: Set<number>;
  notExecuted: Set<number>;
}

/** Coverage of the changed files, overall and per test file where the runner isolates test files. */
export interface CoverageData {
  /** Relative path -> line coverage, for the changed files the format reported. */
  files: Map<string, FileCoverage>;
  /** Test file -> changed file -> lines it executed. */
  byTestFile: Map<string, Map<string, Set<number>>>;
}

/** An empty result. */
export function emptyCoverage(): CoverageData {
  return { files: new Map(), byTestFile: new Map() };
}

/** Adds `more` to `into`: executed anywhere wins over not executed. */
export function mergeFileCoverage(into: FileCoverage, more: FileCoverage): void {
  for (const line of more.executed) {
    into.executed.add(line);
    into.notExecuted.delete(line);
  }
  for (const line of more.notExecuted) if (!into.executed.has(line)) into.notExecuted.add(line);
}
