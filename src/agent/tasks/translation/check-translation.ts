/** translate's success check: the source at the base commit and the candidate's translation, run on the same inputs, plus the translation's tests. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SuccessCheckInput, SuccessReport } from '../types.ts';
import { withBaseWorktree } from '../benchmark/base-worktree.ts';
import { type PairResult, comparePair } from './compare-pair.ts';
import { harvestSourceInputs } from './harvest-source-inputs.ts';
import { createModuleCaller } from './module-caller.ts';
import { translatedName } from './names.ts';
import { type TranslationPlan, planTranslation } from './plan-translation.ts';
import { type PythonRunner, createPythonRunner } from './python-side.ts';
import { type SideFunction, type SideModule, sideFunctions } from './side-functions.ts';
import { findTargetTests, runTargetTests } from './target-tests.ts';
import { translationReport } from './translation-report.ts';

/** Settings of the check; every field has a default. */
export interface TranslationCheckOptions {
  /** Generated inputs per function (default 200), on top of the source's test inputs. */
  runs?: number;
  /** Seed of the generator, so that a check can be replayed (default 20_240_601). */
  seed?: number;
  /** Limit of one call on one side (default 1,000 ms). */
  callTimeoutMs?: number;
  /** Fraction of inputs on which every function must agree with the source (default `minimumAgreement`). */
  minimumAgreement?: number;
}

/**
 * 95%, not 100%: translations legitimately differ at the edges of floating point (summation order,
 * rounding of `**`), and a rare generated value outside the source's domain should not sink a faithful one.
 */
export const minimumAgreement = 0.95;

const defaults = { runs: 200, seed: 20_240_601, callTimeoutMs: 1000 };
/** Calls of one side that may time out before it is given up on (each costs the call limit). */
const maxTimeouts = 3;

function failed(summary: string, details: string[] = []): SuccessReport {
  return { passed: false, score: 0, summary, details };
}

function pairUp(plan: TranslationPlan, source: readonly SideFunction[], target: readonly SideFunction[]): { pairs: { source: SideFunction; target: SideFunction }[]; missing: string[] } {
  const pairs: { source: SideFunction; target: SideFunction }[] = [];
  const missing: string[] = [];
  for (const fn of source) {
    const expected = fn.exportPath.map((segment) => translatedName(segment, plan.from, plan.to)).join('.');
    const match = target.find((candidate) => candidate.name === expected);
    if (match) pairs.push({ source: fn, target: match });
    else missing.push(expected === fn.name ? `\`${expected}\`` : `\`${expected}\` (from \`${fn.name}\`)`);
  }
  return { pairs, missing };
}

async function compareIn(input: SuccessCheckInput, plan: TranslationPlan, sourceRoot: string, options: Required<Omit<TranslationCheckOptions, 'minimumAgreement'>>) {
  const needsPython = plan.from === 'python' || plan.to === 'python';
  const runner = needsPython ? await createPythonRunner([input.workspace.root, input.workspace.repositoryRoot]) : undefined;
  const python: PythonRunner | undefined = runner?.success ? runner.value : undefined;
  const sourceModule: SideModule = { language: plan.from, root: sourceRoot, file: path.join(sourceRoot, plan.source) };
  const targetModule: SideModule = { language: plan.to, root: input.workspace.root, file: path.join(input.workspace.root, plan.target) };
  const [source, target] = await sideFunctions([sourceModule, targetModule], python, input.timeoutMs);
  if (runner && !runner.success) return { error: runner.error };
  if (!source!.success) return { error: `the source cannot be read: ${source!.error}` };
  if (!target!.success) return { error: `the translation cannot be read: ${target!.error}` };
  const { pairs, missing } = pairUp(plan, source!.value, target!.value);
  const examples = await harvestSourceInputs(sourceModule, pairs.map((pair) => pair.source), python, input.timeoutMs);
  const callerOptions = { callTimeoutMs: options.callTimeoutMs, maxTimeouts, timeoutMs: input.timeoutMs, ...(python ? { python } : {}) };
  const callers = { source: createModuleCaller({ ...sourceModule, ...callerOptions }), target: createModuleCaller({ ...targetModule, ...callerOptions }) };
  const closeAll = () => {
    callers.source.close();
    callers.target.close();
  };
  input.signal?.addEventListener('abort', closeAll, { once: true });
  const results: PairResult[] = [];
  try {
    for (const pair of pairs) results.push(await comparePair({ ...pair, examples: examples.get(pair.source.name) ?? [] }, callers, options));
  } finally {
    input.signal?.removeEventListener('abort', closeAll);
    closeAll();
  }
  return { missing, results };
}

/** Never throws for expected trouble: a missing file, an import error or a failing test is a failed report. */
export async function checkTranslation(input: SuccessCheckInput, options: TranslationCheckOptions = {}): Promise<SuccessReport> {
  const planned = planTranslation(input.request);
  if (!planned.success) return failed(planned.error);
  const plan = planned.value;
  if (!existsSync(path.join(input.workspace.root, plan.target))) return failed(`${plan.target} does not exist: write the translation there`);
  const settings = { ...defaults, ...options };
  const notes: string[] = [];
  const compare = (sourceRoot: string) =>
    compareIn(input, plan, sourceRoot, settings).catch((error: unknown) => ({ error: `the comparison failed: ${error instanceof Error ? error.message : String(error)}` }));
  // The source is read at the base commit, so that a candidate cannot make it agree by editing it.
  const compared = await withBaseWorktree(input.workspace, input.timeoutMs, async (baseDirectory) => {
    if (existsSync(path.join(baseDirectory, plan.source))) return compare(baseDirectory);
    notes.push(`${plan.source} is not in the base commit: compared against the candidate's copy`);
    return compare(input.workspace.root);
  }).catch((error: unknown) => {
    notes.push(`the base commit could not be checked out (${error instanceof Error ? error.message : String(error)}): compared against the candidate's copy of the source`);
    return compare(input.workspace.root);
  });
  if ('error' in compared) return failed(compared.error ?? 'the comparison failed', notes);
  const testFiles = await findTargetTests(input.workspace.root, plan.target, plan.to, input.diff, input.timeoutMs);
  const tests = await runTargetTests(input.workspace.root, testFiles, { timeoutMs: input.timeoutMs, ...(input.signal ? { signal: input.signal } : {}) });
  return translationReport({ plan, missing: compared.missing, pairs: compared.results, tests, notes }, options.minimumAgreement ?? minimumAgreement);
}
