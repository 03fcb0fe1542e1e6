/** The differential evidence provider: changed exported functions, base against change, on the same inputs. */
import path from 'node:path';
import type { Evidence } from '../../core/change.ts';
import type { CheckContext, EvidenceProvider } from '../types.ts';
import { compareBehaviour } from './compare-behaviour.ts';
import { collectConstants } from './constants.ts';
import { functionEvidence, skippedEvidence } from './evidence.ts';
import { type HarvestOptions, harvestInputs } from './harvest-inputs.ts';
import { createHarness } from './harness-client.ts';
import { type PlannedFunction, planTargets } from './plan-targets.ts';

/** Settings of differential testing; every field has a default. */
export interface DifferentialOptions {
  /** Generated inputs per function (default 500). */
  runs?: number;
  /** Seed of the generator, so that a run can be replayed (default 20_240_601). */
  seed?: number;
  /** Limit of one call of one version (default 1,000 ms); the child is killed and restarted past it. */
  callTimeoutMs?: number;
  /** Limit of one function, generation and shrinking included (default 30,000 ms). */
  functionTimeoutMs?: number;
  /** Limit of the whole provider (default: the check's `timeoutMs`). */
  totalTimeoutMs?: number;
  /** Give up on a function after this many calls time out (default 3). */
  maxTimeouts?: number;
  /** Where to look for test inputs, or `false` to use generated inputs only. */
  harvest?: HarvestOptions | false;
}

const defaults = { runs: 500, seed: 20_240_601, callTimeoutMs: 1000, functionTimeoutMs: 30_000, maxTimeouts: 3 };

async function harvestFor(context: CheckContext, planned: readonly PlannedFunction[], options: DifferentialOptions): Promise<unknown[][][]> {
  if (options.harvest === false) return planned.map(() => []);
  const requests = planned.map((item) => ({ file: path.join(context.changeDir, item.path), exportPath: item.change.exportPath }));
  return harvestInputs(context.changeDir, requests, options.harvest ?? {});
}

async function compareAll(context: CheckContext, planned: readonly PlannedFunction[], options: DifferentialOptions): Promise<Evidence[]> {
  const settings = { ...defaults, ...options };
  const examples = await harvestFor(context, planned, options);
  const totalDeadline = Date.now() + (options.totalTimeoutMs ?? context.timeoutMs);
  const harnessOptions = { callTimeoutMs: settings.callTimeoutMs };
  const sides = { base: createHarness({ ...harnessOptions, cwd: context.baseDir }), change: createHarness({ ...harnessOptions, cwd: context.changeDir }) };
  const closeAll = () => {
    sides.base.close();
    sides.change.close();
  };
  context.signal?.addEventListener('abort', closeAll, { once: true });
  const evidence: Evidence[] = [];
  try {
    for (const [index, item] of planned.entries()) {
      const deadline = Math.min(totalDeadline, Date.now() + settings.functionTimeoutMs);
      const inputs = examples[index] ?? [];
      const target = {
        baseModule: path.join(context.baseDir, item.basePath),
        changeModule: path.join(context.changeDir, item.path),
        exportPath: item.change.exportPath,
        parameters: item.parameters,
        examples: inputs,
        constants: collectConstants([item.base.declaration, item.change.declaration], inputs),
      };
      if (!item.parameters && inputs.length === 0) {
        evidence.push(skippedEvidence({ hunkIds: item.hunkIds, reason: `\`${item.change.localName}\` cannot be called with generated inputs: ${item.untyped}`, location: { path: item.path, line: item.change.startLine } }));
        continue;
      }
      const result = context.signal?.aborted
        ? { status: 'unavailable' as const, reason: 'the check was aborted', runs: 0, milliseconds: 0 }
        : await compareBehaviour(target, sides, { runs: settings.runs, seed: settings.seed, deadline, maxTimeouts: settings.maxTimeouts }).catch(
            (error: unknown) => ({ status: 'unavailable' as const, reason: `the comparison failed: ${error instanceof Error ? error.message : String(error)}`, runs: 0, milliseconds: 0 }),
          );
      context.logger.debug(`differential ${item.key}: ${result.status} after ${result.runs} inputs in ${result.milliseconds} ms`);
      evidence.push(functionEvidence(item, result, context.intent, settings.seed));
    }
  } finally {
    context.signal?.removeEventListener('abort', closeAll);
    closeAll();
  }
  return evidence;
}

/** Differential testing as an evidence provider of kind `differential`. */
export function createDifferentialProvider(options: DifferentialOptions = {}): EvidenceProvider {
  return {
    specificationVersion: 'v1',
    kind: 'differential',
    async doCheck(context) {
      let plan: ReturnType<typeof planTargets>;
      try {
        plan = planTargets(context);
      } catch (error) {
        const reason = `the TypeScript compiler could not read the changed files: ${error instanceof Error ? error.message : String(error)}`;
        return [{ kind: 'differential', status: 'unavailable', message: reason, hunks: context.hunks.map((hunk) => hunk.id) }];
      }
      const compared = await compareAll(context, plan.planned, options);
      return [...compared, ...plan.skipped.map(skippedEvidence)];
    },
  };
}
