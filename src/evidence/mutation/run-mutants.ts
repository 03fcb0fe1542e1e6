/** Runs selected mutants one at a time against their covering tests, after a baseline run without mutants. */
import { runMutant } from './run-mutant.ts';
import type { Mutant, MutantResult, MutationTestHooks } from './types.ts';

export interface RunMutantsOptions {
  dir: string;
  hooks: MutationTestHooks;
  /** Limit of one test run with a mutant; by default three times the baseline plus 3 s, at most `maxTimeoutMs`. */
  mutantTimeoutMs?: number;
  /** Limit of a baseline run and ceiling of the derived mutant limit. */
  maxTimeoutMs: number;
  /** Epoch ms after which no further mutant starts. */
  deadline: number;
  /**
   * Mutation testing may spend this many times the slowest baseline run (at least a minute) before no further
   * mutant starts: on code that most of a large suite executes, every mutant costs nearly a whole suite run.
   */
  budgetFactor?: number;
  /** The least time the budget allows (default a minute). */
  minimumBudgetMs?: number;
  /** The clock (default `Date.now`), for tests. */
  now?: () => number;
  signal?: AbortSignal;
}

interface Baseline {
  passed: boolean;
  milliseconds: number;
  failures: string[];
}

function testFilesOf(hooks: MutationTestHooks, mutant: Mutant): string[] {
  return [...new Set(hooks.testFilesFor(mutant.path, mutant.line))].sort();
}

async function baselineFor(options: RunMutantsOptions, testFiles: string[], cache: Map<string, Baseline>): Promise<Baseline> {
  const key = testFiles.join('\n');
  let baseline = cache.get(key);
  if (!baseline) {
    const clock = options.now ?? Date.now;
    const started = clock();
    const outcome = await options.hooks.runTests(options.dir, testFiles, options.maxTimeoutMs).catch((error: unknown) => ({
      passed: false,
      timedOut: false,
      failures: [error instanceof Error ? error.message : String(error)],
    }));
    baseline = { passed: outcome.passed && !outcome.timedOut, milliseconds: clock() - started, failures: outcome.failures };
    cache.set(key, baseline);
  }
  return baseline;
}

/** Results in the order of `mutants`; mutants that cannot be judged say why. */
export async function runMutants(mutants: readonly Mutant[], options: RunMutantsOptions): Promise<MutantResult[]> {
  const baselines = new Map<string, Baseline>();
  const results: MutantResult[] = [];
  const now = options.now ?? Date.now;
  const started = now();
  const budgetEnd = () => started + Math.max(options.minimumBudgetMs ?? 60_000, (options.budgetFactor ?? 2) * Math.max(0, ...[...baselines.values()].map((baseline) => baseline.milliseconds)));
  const judged = (mutant: Mutant, testFiles: string[], status: MutantResult['status'], details: string[]): MutantResult => ({ mutant, testFiles, status, details, milliseconds: 0 });
  for (const [sequence, mutant] of mutants.entries()) {
    const testFiles = testFilesOf(options.hooks, mutant);
    if (testFiles.length === 0) {
      results.push(judged(mutant, testFiles, 'no-tests', []));
      continue;
    }
    if (options.signal?.aborted || now() > options.deadline || now() > budgetEnd()) {
      results.push(judged(mutant, testFiles, 'skipped', ['the time for mutation testing ran out']));
      continue;
    }
    const baseline = await baselineFor(options, testFiles, baselines);
    if (!baseline.passed) {
      results.push(judged(mutant, testFiles, 'error', ['the covering tests fail without any mutant', ...baseline.failures.slice(0, 3)]));
      continue;
    }
    const timeoutMs = options.mutantTimeoutMs ?? Math.min(options.maxTimeoutMs, Math.round(baseline.milliseconds * 3 + 3000));
    results.push(await runMutant(options.dir, mutant, options.hooks, testFiles, timeoutMs, sequence));
  }
  return results;
}
