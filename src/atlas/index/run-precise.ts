/** The precise stage of an index run: resolve TypeScript/JavaScript references with the compiler. */
import type { DatabaseSync } from 'node:sqlite';
import { applyResolutions, createTypeScriptBackend, findFilesToResolve } from '../precise/index.ts';
import type { IndexOptions, StageTimer } from './run-index.ts';
import type { IndexSummary } from './summary.ts';

/**
 * Resolves every reference on the first precise run, then only the files that changed (`changed`)
 * and the files that depend on them. Problems (a broken tsconfig, unresolved imports) are warnings;
 * the stage never fails the index.
 */
export async function runPrecise(
  db: DatabaseSync,
  root: string,
  options: IndexOptions,
  summary: IndexSummary,
  stage: StageTimer,
  changed: readonly string[] | undefined,
): Promise<void> {
  stage.start('precise');
  const started = performance.now();
  const files = changed ? findFilesToResolve(db, changed) : undefined;
  if (files && files.length === 0) {
    stage.end('precise', 'nothing changed');
    return;
  }
  try {
    const report = await applyResolutions(
      db,
      createTypeScriptBackend().doResolve({ root, ...(files ? { files } : {}), ...(options.signal ? { signal: options.signal } : {}) }),
    );
    for (const problem of report.problems.slice(0, 20)) stage.warn(`precise: ${problem.message}`);
    const resolved = report.precise + report.preciseWithoutSymbol + report.external;
    summary.precise = { resolved, identifiers: report.occurrences, milliseconds: Math.round(performance.now() - started) };
    stage.end('precise', `${resolved} of ${report.occurrences} identifiers resolved in ${report.files} files`);
  } catch (error) {
    summary.precise = { failed: error instanceof Error ? error.message : String(error) };
    stage.end('precise', 'failed');
  }
}
