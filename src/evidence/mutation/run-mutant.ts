/** Runs one mutant: writes it into the changed file, runs the tests, and always puts the original bytes back. */
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Mutant, MutantResult, MutationTestHooks } from './types.ts';

/** Extra wait past the hooks' own timeout before giving up on them. */
const graceMs = 5000;

type TestOutcome = Awaited<ReturnType<MutationTestHooks['runTests']>>;

/** Waits for the tests, but no longer than `limitMs`: hooks that ignore their timeout count as timed out. */
async function withLimit(run: Promise<TestOutcome>, limitMs: number): Promise<TestOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<TestOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ passed: false, timedOut: true, failures: [] }), limitMs);
  });
  try {
    return await Promise.race([run, late]);
  } finally {
    clearTimeout(timer);
  }
}

function classify(outcome: TestOutcome): Pick<MutantResult, 'status' | 'details'> {
  if (outcome.timedOut) return { status: 'timeout', details: outcome.failures };
  return outcome.passed ? { status: 'survived', details: [] } : { status: 'killed', details: outcome.failures };
}

/**
 * Applies `mutant` to its file in `dir`, runs `testFiles` with `hooks`, and restores the file's bytes and
 * times whatever happens. `sequence` gives each mutant its own modification time, so caches keyed on
 * time and size (Python's bytecode) never serve a previous mutant.
 */
export async function runMutant(dir: string, mutant: Mutant, hooks: MutationTestHooks, testFiles: string[], timeoutMs: number, sequence: number): Promise<MutantResult> {
  const started = performance.now();
  const result = (fields: Pick<MutantResult, 'status' | 'details'>): MutantResult => ({ mutant, testFiles, milliseconds: Math.round(performance.now() - started), ...fields });
  const file = path.join(dir, mutant.path);
  const original = await readFile(file);
  const times = await stat(file);
  const text = original.toString('utf8');
  if (text.slice(mutant.start, mutant.end) !== mutant.original) return result({ status: 'error', details: ['the file changed since the mutants were made'] });
  try {
    await writeFile(file, text.slice(0, mutant.start) + mutant.replacement + text.slice(mutant.end));
    await utimes(file, times.atime, new Date(times.mtimeMs + 1000 * (sequence + 1)));
    return result(classify(await withLimit(hooks.runTests(dir, testFiles, timeoutMs), timeoutMs + graceMs)));
  } catch (error) {
    return result({ status: 'error', details: [error instanceof Error ? error.message : String(error)] });
  } finally {
    await writeFile(file, original);
    await utimes(file, times.atime, times.mtime);
  }
}
