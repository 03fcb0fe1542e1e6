/** Test support: runs a backend to the end and indexes its output by file. */
import type { PreciseBackend, PreciseProblem, PreciseResolveOptions, ResolvedFile, ResolvedOccurrence } from '../backend.ts';

/** Everything one `doResolve` produced. */
export interface Collected {
  files: Map<string, ResolvedFile>;
  problems: PreciseProblem[];
  /** The occurrence of `name` at 1-based `line`, 0-based `column` in `path`. */
  at(path: string, line: number, column: number): ResolvedOccurrence | undefined;
}

/** Runs `backend` to the end. */
export async function collect(backend: PreciseBackend, options: PreciseResolveOptions): Promise<Collected> {
  const files = new Map<string, ResolvedFile>();
  const problems: PreciseProblem[] = [];
  for await (const batch of backend.doResolve(options)) {
    for (const file of batch.files) files.set(file.path, file);
    problems.push(...batch.problems);
  }
  return {
    files,
    problems,
    at: (path, line, column) => files.get(path)?.occurrences.find((occurrence) => occurrence.line === line && occurrence.column === column),
  };
}
