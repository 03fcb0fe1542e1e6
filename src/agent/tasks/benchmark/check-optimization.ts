/** optimize's success check: same behaviour as the base first, then a benchmark of both versions with a significance test. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { harvestInputs } from '../../../evidence/differential/index.ts';
import type { SuccessCheckInput, SuccessReport } from '../types.ts';
import { withBaseWorktree } from './base-worktree.ts';
import { behaviourGate } from './behaviour-gate.ts';
import { planFunction } from './function-plan.ts';
import { judgeMemory, judgeTime } from './judge-benchmark.ts';
import { behaviourChangedReport, benchmarkReport } from './optimization-report.ts';
import { resolveSymbol } from './resolve-symbol.ts';
import { type BenchmarkSettings, benchmarkDefaults, measureMemory, measureTime } from './run-benchmark.ts';
import { median } from './statistics.ts';
import { type WorkloadOptions, workloadInputs } from './workload.ts';

/** Settings of the check; every field has a default. */
export interface OptimizationCheckOptions {
  /** Generated inputs for the behaviour comparison (default 200). */
  runs?: number;
  seed?: number;
  /** Limit of one call of one version in the behaviour comparison (default 5,000 ms: the base may be slow on the workload). */
  callTimeoutMs?: number;
  workload?: Partial<Omit<WorkloadOptions, 'seed'>>;
  benchmark?: Partial<BenchmarkSettings>;
}

const defaults = { runs: 200, seed: 20_240_601, callTimeoutMs: 5000, workload: { count: 4, size: 2000 } };

function failed(summary: string, details: string[] = []): SuccessReport {
  return { passed: false, score: 0, summary, details };
}

interface Located {
  relativePath: string;
  exportPath: string[];
}

async function checkIn(input: SuccessCheckInput, located: Located, baseRoot: string, options: OptimizationCheckOptions): Promise<SuccessReport> {
  const metric = input.request.metric ?? 'time';
  const name = located.exportPath.join('.');
  const baseModule = path.join(baseRoot, located.relativePath);
  const candidateModule = path.join(input.workspace.root, located.relativePath);
  if (!existsSync(baseModule)) return failed(`${located.relativePath} is not in the base commit: optimize improves a function that exists`);
  const [examples = []] = await harvestInputs(input.workspace.root, [{ file: candidateModule, exportPath: located.exportPath }]);
  const plan = planFunction(baseModule, candidateModule, located.exportPath, examples);
  if (!plan.success) return failed(plan.error);
  const seed = options.seed ?? defaults.seed;
  const workloadOptions = { ...defaults.workload, ...options.workload, seed };
  const generated = plan.value.parameters ? workloadInputs(plan.value.parameters, plan.value.constants, workloadOptions) : [];
  if (generated.length === 0 && examples.length === 0) return failed(`\`${name}\` has no inputs to measure: ${plan.value.untyped ?? 'its parameters cannot be generated'}, and no test calls it with literal arguments`);
  const gate = await behaviourGate(
    { baseModule, candidateModule, baseRoot, candidateRoot: input.workspace.root, exportPath: located.exportPath, plan: plan.value, examples, workload: [...generated, ...examples] },
    { runs: options.runs ?? defaults.runs, seed, callTimeoutMs: options.callTimeoutMs ?? defaults.callTimeoutMs, timeoutMs: input.timeoutMs, ...(input.signal ? { signal: input.signal } : {}) },
  );
  if (gate.status === 'different') return behaviourChangedReport(name, gate);
  if (gate.status === 'unavailable') return failed(`\`${name}\` cannot be compared with the base: ${gate.reason}`);
  if (gate.workload.length === 0) return failed(`no workload input of \`${name}\` returned within the call limit on both versions: nothing to time`);
  const settings = { ...benchmarkDefaults, ...options.benchmark };
  const target = { baseModule, candidateModule, exportPath: located.exportPath, inputs: gate.workload, cwd: input.workspace.root };
  const notes = plan.value.untyped ? [`inputs come from the tests only: ${plan.value.untyped}`] : [];
  const common = { name, metric, comparedInputs: gate.inputs, workloadInputs: gate.workload.length, notes };
  if (metric === 'memory') {
    const measured = await measureMemory(target, settings, input.timeoutMs);
    if (!measured.success) return failed(measured.error);
    const { base, candidate } = measured.value;
    const rss = { base: median(base.rss), candidate: median(candidate.rss) };
    return benchmarkReport({ ...common, judgement: judgeMemory(base.heap, candidate.heap), samples: { base: base.heap.length, candidate: candidate.heap.length }, rss });
  }
  const measured = await measureTime(target, settings, input.timeoutMs);
  if (!measured.success) return failed(measured.error);
  const { base, candidate, groups } = measured.value;
  return benchmarkReport({ ...common, judgement: judgeTime(base, candidate, undefined, groups), samples: { base: base.length, candidate: candidate.length } });
}

/** Never throws for expected trouble: a missing function, a behaviour change or a failed benchmark is a failed report. */
export async function checkOptimization(input: SuccessCheckInput, options: OptimizationCheckOptions = {}): Promise<SuccessReport> {
  const metric = input.request.metric ?? 'time';
  if (metric !== 'time' && metric !== 'memory') return failed(`unknown metric \`${String(metric)}\`: use --metric time or memory`);
  const location = await resolveSymbol(input.request.target, input.workspace.root, input.diff, input.timeoutMs);
  if (!location.success) return failed(location.error);
  const located = { relativePath: location.value.path, exportPath: location.value.exportPath };
  try {
    return await withBaseWorktree(input.workspace, input.timeoutMs, (baseRoot) => checkIn(input, located, baseRoot, options));
  } catch (error) {
    return failed(`the check could not run: ${error instanceof Error ? error.message : String(error)}`);
  }
}
