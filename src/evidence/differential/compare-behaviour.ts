/** Drives fast-check over one function: same inputs to base and change, first difference shrunk. */
import fc from 'fast-check';
import { fromArguments, parametersArbitrary, toArguments } from './arbitraries.ts';
import { type EncodedValue, encodeValue } from './codec.ts';
import { sameOutcome } from './compare.ts';
import type { Constants } from './constants.ts';
import type { Harness } from './harness-client.ts';
import { jointShrink } from './joint-shrink.ts';
import type { CallOutcome } from './protocol.ts';
import type { ParameterShape } from './shape.ts';

/** One function to compare, in both worktrees. */
export interface BehaviourTarget {
  /** Absolute module paths of the base and changed versions. */
  baseModule: string;
  changeModule: string;
  exportPath: string[];
  /** Undefined when inputs cannot be generated: the examples are then the only inputs. */
  parameters: ParameterShape[] | undefined;
  /** Argument lists harvested from the tests, tried first. */
  examples: unknown[][];
  constants: Constants;
}

export interface BehaviourOptions {
  runs: number;
  seed: number;
  /** Epoch ms after which generation and shrinking stop. */
  deadline: number;
  /** Stop after this many calls time out (each costs a call timeout and a restart). */
  maxTimeouts: number;
}

/** What comparing one function found. `runs` counts generated inputs, `harvested` test inputs. */
export type BehaviourResult =
  | { status: 'same'; runs: number; harvested: number; interrupted: boolean; milliseconds: number }
  | { status: 'different'; args: EncodedValue[]; base: CallOutcome; change: CallOutcome; runs: number; shrinks: number; milliseconds: number }
  | { status: 'unavailable'; reason: string; runs: number; milliseconds: number };

interface State {
  stop?: string;
  timeouts: number;
  /** Inputs really compared before the first difference (stopped or late candidates do not count). */
  compared: number;
  failure?: Failure;
}

interface Failure {
  /** The arguments as generated, for further shrinking. */
  values: unknown[];
  args: EncodedValue[];
  base: CallOutcome;
  change: CallOutcome;
}

async function load(harness: Harness, module: string, exportPath: string[], side: string): Promise<string | undefined> {
  const outcome = await harness.request({ op: 'load', module, path: exportPath });
  if (outcome.kind === 'return') return undefined;
  if (outcome.kind === 'unavailable') return `${side}: ${outcome.reason}`;
  return `${side}: importing the module ${outcome.kind === 'timeout' ? 'did not finish in time' : 'ended the process'}`;
}

/** Calls the side again unless it timed out; a second answer that differs means the function is not deterministic. */
async function deterministic(harness: Harness, module: string, exportPath: string[], args: EncodedValue[], first: CallOutcome): Promise<boolean> {
  if (first.kind === 'timeout') return true;
  return sameOutcome(first, await harness.request({ op: 'call', module, path: exportPath, args }));
}

function property(target: BehaviourTarget, sides: { base: Harness; change: Harness }, options: BehaviourOptions, state: State) {
  const call = (harness: Harness, module: string, args: EncodedValue[]) => harness.request({ op: 'call', module, path: target.exportPath, args });
  return async (values: unknown[]): Promise<boolean> => {
    // Once stopped, every candidate passes so that fast-check winds down at once.
    if (state.stop !== undefined || Date.now() > options.deadline) return true;
    const callArguments = target.parameters ? toArguments(target.parameters, values) : values;
    const args = callArguments.map(encodeValue);
    if (!state.failure) state.compared += 1;
    const [base, change] = await Promise.all([call(sides.base, target.baseModule, args), call(sides.change, target.changeModule, args)]);
    state.timeouts += Number(base.kind === 'timeout') + Number(change.kind === 'timeout');
    if (state.timeouts >= options.maxTimeouts) state.stop = `${state.timeouts} calls did not return in time`;
    const unavailable = [base, change].find((outcome) => outcome.kind === 'unavailable');
    if (unavailable?.kind === 'unavailable') {
      state.stop = unavailable.reason;
      return true;
    }
    if (sameOutcome(base, change)) return true;
    const [baseAgain, changeAgain] = await Promise.all([
      deterministic(sides.base, target.baseModule, target.exportPath, args, base),
      deterministic(sides.change, target.changeModule, target.exportPath, args, change),
    ]);
    if (!baseAgain || !changeAgain) {
      state.stop = `not deterministic: the ${baseAgain ? 'changed' : 'base'} version answers the same input differently`;
      return true;
    }
    state.failure = { values: callArguments, args, base, change };
    return false;
  };
}

/** The arbitrary and examples of a target: generated from parameter shapes, or the harvested examples alone. */
function inputsOf(target: BehaviourTarget, runs: number): { arbitrary: fc.Arbitrary<unknown[]>; examples: unknown[][]; runs: number } {
  if (!target.parameters) return { arbitrary: target.examples.length > 0 ? fc.constantFrom(...target.examples) : fc.constant([]), examples: target.examples, runs: 0 };
  const parameters = target.parameters;
  const examples = target.examples.map((args) => fromArguments(parameters, args)).filter((values) => values !== undefined);
  return { arbitrary: parametersArbitrary(parameters, target.constants), examples, runs: parameters.length === 0 ? 1 : runs };
}

/** Shrinks values shared between arguments together, within the deadline; updates `state.failure`. */
async function shrinkShared(target: BehaviourTarget, sides: { base: Harness; change: Harness }, options: BehaviourOptions, state: State): Promise<void> {
  const failure = state.failure;
  if (!failure || state.timeouts > 0) return;
  const call = (harness: Harness, module: string, args: EncodedValue[]) => harness.request({ op: 'call', module, path: target.exportPath, args });
  await jointShrink(failure.values, async (values) => {
    if (Date.now() > options.deadline) return false;
    const args = values.map(encodeValue);
    const [base, change] = await Promise.all([call(sides.base, target.baseModule, args), call(sides.change, target.changeModule, args)]);
    const plain = (outcome: CallOutcome) => outcome.kind === 'return' || outcome.kind === 'throw';
    if (!plain(base) || !plain(change) || sameOutcome(base, change)) return false;
    state.failure = { values, args, base, change };
    return true;
  });
}

/** Compares base and change on harvested then generated inputs; never throws for trouble in the code under test. */
export async function compareBehaviour(target: BehaviourTarget, sides: { base: Harness; change: Harness }, options: BehaviourOptions): Promise<BehaviourResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const notLoaded = (await load(sides.base, target.baseModule, target.exportPath, 'base')) ?? (await load(sides.change, target.changeModule, target.exportPath, 'change'));
  if (notLoaded) return { status: 'unavailable', reason: notLoaded, runs: 0, milliseconds: elapsed() };
  if (!target.parameters && target.examples.length === 0) return { status: 'unavailable', reason: 'no inputs: parameter types are not generable and the tests call it with none', runs: 0, milliseconds: elapsed() };
  const inputs = inputsOf(target, options.runs);
  const state: State = { timeouts: 0, compared: 0 };
  const details = await fc.check(fc.asyncProperty(inputs.arbitrary, property(target, sides, options, state)), {
    seed: options.seed,
    numRuns: inputs.runs + inputs.examples.length,
    examples: inputs.examples.map((values) => [values]),
    plugins: [fc.interruptAfterTimeLimit(Math.max(1, options.deadline - Date.now()))],
  });
  await shrinkShared(target, sides, options, state);
  const harvested = Math.min(inputs.examples.length, state.compared);
  const generated = state.compared - harvested;
  if (state.failure) return { status: 'different', args: state.failure.args, base: state.failure.base, change: state.failure.change, runs: generated, shrinks: details.numShrinks, milliseconds: elapsed() };
  if (state.stop !== undefined) return { status: 'unavailable', reason: state.stop, runs: generated, milliseconds: elapsed() };
  if (details.failed && !details.interrupted) {
    const reason = details.errorInstance instanceof Error ? details.errorInstance.message : 'the comparison itself failed';
    return { status: 'unavailable', reason, runs: generated, milliseconds: elapsed() };
  }
  if (state.compared === 0) return { status: 'unavailable', reason: 'ran out of time before the first input', runs: 0, milliseconds: elapsed() };
  return { status: 'same', runs: generated, harvested, interrupted: details.interrupted, milliseconds: elapsed() };
}
