/** optimize's first gate: the candidate must behave exactly as the base, on generated, test and workload inputs, before anything is timed. */
import { encodeValue } from '../../../evidence/differential/codec.ts';
import { sameOutcome } from '../../../evidence/differential/compare.ts';
import { type CallOutcome, type EncodedValue, type Harness, compareBehaviour, createHarness } from '../../../evidence/differential/index.ts';
import type { FunctionPlan } from './function-plan.ts';

/** Same behaviour (with the workload inputs that returned on both sides), a difference, or why it cannot be told. */
export type GateResult =
  | { status: 'same'; workload: EncodedValue[][]; inputs: number }
  | { status: 'different'; args: EncodedValue[]; base: CallOutcome; candidate: CallOutcome }
  | { status: 'unavailable'; reason: string };

export interface GateInput {
  baseModule: string;
  candidateModule: string;
  /** Worktrees the harnesses run in. */
  baseRoot: string;
  candidateRoot: string;
  exportPath: string[];
  plan: FunctionPlan;
  examples: unknown[][];
  workload: unknown[][];
}

export interface GateOptions {
  runs: number;
  seed: number;
  callTimeoutMs: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

async function checkWorkload(input: GateInput, sides: { base: Harness; change: Harness }): Promise<Exclude<GateResult, { status: 'same' }> | { status: 'same'; workload: EncodedValue[][] }> {
  const kept: EncodedValue[][] = [];
  for (const values of input.workload) {
    const args = values.map(encodeValue);
    const [base, candidate] = await Promise.all([
      sides.base.request({ op: 'call', module: input.baseModule, path: input.exportPath, args }),
      sides.change.request({ op: 'call', module: input.candidateModule, path: input.exportPath, args }),
    ]);
    if (base.kind === 'unavailable') return { status: 'unavailable', reason: base.reason };
    if (!sameOutcome(base, candidate)) return { status: 'different', args, base, candidate };
    // Only inputs that return in time are worth timing; the others were still compared.
    if (base.kind === 'return') kept.push(args);
  }
  return { status: 'same', workload: kept };
}

/** Never throws for trouble in the code under test. */
export async function behaviourGate(input: GateInput, options: GateOptions): Promise<GateResult> {
  const harnessOptions = { callTimeoutMs: options.callTimeoutMs };
  const sides = { base: createHarness({ ...harnessOptions, cwd: input.baseRoot }), change: createHarness({ ...harnessOptions, cwd: input.candidateRoot }) };
  const closeAll = () => {
    sides.base.close();
    sides.change.close();
  };
  options.signal?.addEventListener('abort', closeAll, { once: true });
  try {
    const target = { baseModule: input.baseModule, changeModule: input.candidateModule, exportPath: input.exportPath, parameters: input.plan.parameters, examples: input.examples, constants: input.plan.constants };
    const compared = await compareBehaviour(target, sides, { runs: options.runs, seed: options.seed, deadline: Date.now() + options.timeoutMs, maxTimeouts: 3 });
    if (compared.status === 'different') return { status: 'different', args: compared.args, base: compared.base, candidate: compared.change };
    if (compared.status === 'unavailable') return { status: 'unavailable', reason: compared.reason };
    const workload = await checkWorkload(input, sides);
    return workload.status === 'same' ? { ...workload, inputs: compared.runs + compared.harvested + input.workload.length } : workload;
  } finally {
    options.signal?.removeEventListener('abort', closeAll);
    closeAll();
  }
}
