/** Runs a source function and its translation on the same inputs (the source's test inputs, then generated ones) and counts agreement. */
import { encodeValue } from '../../../evidence/differential/codec.ts';
import type { Constants } from '../../../evidence/differential/constants.ts';
import type { CallOutcome, EncodedValue } from '../../../evidence/differential/index.ts';
import { chooseParameters } from './choose-parameters.ts';
import { outcomesAgree } from './equivalence.ts';
import { type InputParameter, sampleArguments } from './input-shape.ts';
import type { ModuleCaller } from './module-caller.ts';
import type { SideFunction } from './side-functions.ts';

/** A source function, its translation, and the argument lists harvested from the source's tests. */
export interface FunctionPair {
  source: SideFunction;
  target: SideFunction;
  examples: EncodedValue[][];
}

/** One input on which the two sides behaved differently. */
export interface Disagreement {
  args: EncodedValue[];
  source: CallOutcome;
  target: CallOutcome;
}

/** What comparing one pair found; `problem` says why it could not be compared at all. */
export interface PairResult {
  sourceName: string;
  targetName: string;
  inputs: number;
  agreed: number;
  /** The first few disagreements, in input order (test inputs come first). */
  disagreements: Disagreement[];
  problem?: string;
  /** Why fewer inputs were compared than planned. */
  note?: string;
}

const maxDisagreements = 3;
const maxConstants = 100;

function mergeConstants(all: readonly Constants[]): Constants {
  const numbers = new Set<number>();
  const strings = new Set<string>();
  for (const constants of all) {
    for (const value of constants.numbers) for (const near of [value, value - 1, value + 1]) numbers.add(near);
    for (const value of constants.strings) strings.add(value);
  }
  return { numbers: [...numbers].slice(0, maxConstants), strings: [...strings].slice(0, maxConstants) };
}

function fits(parameters: readonly InputParameter[], args: readonly unknown[]): boolean {
  const required = parameters.filter((parameter) => !parameter.optional && !parameter.rest).length;
  return args.length >= required && (parameters.some((parameter) => parameter.rest) || args.length <= parameters.length);
}

function harvestedConstants(examples: readonly EncodedValue[][]): Constants {
  const found: Constants = { numbers: [], strings: [] };
  const visit = (value: EncodedValue): void => {
    if (typeof value === 'number') found.numbers.push(value);
    else if (typeof value === 'string' && value.length <= 64) found.strings.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
  };
  examples.forEach((args) => args.forEach(visit));
  return found;
}

/** The inputs of a pair: harvested examples that fit the signature, then `runs` generated ones, without repeats. */
export function pairInputs(pair: FunctionPair, options: { runs: number; seed: number }): { inputs: EncodedValue[][]; problem?: string } {
  const parameters = chooseParameters(pair.source.signature, pair.target.signature);
  const examples = parameters.success ? pair.examples.filter((args) => fits(parameters.value, args)) : pair.examples;
  const constants = mergeConstants([pair.source.constants, pair.target.constants, harvestedConstants(examples)]);
  const generated = parameters.success ? sampleArguments(parameters.value, constants, options.runs, options.seed).map((args) => args.map(encodeValue)) : [];
  const unique = new Map<string, EncodedValue[]>();
  for (const args of [...examples, ...generated]) unique.set(JSON.stringify(args), args);
  if (unique.size === 0) return { inputs: [], problem: `no inputs: ${parameters.success ? 'none generated' : parameters.error}, and the source's tests call it with no literal arguments` };
  return { inputs: [...unique.values()] };
}

/** Calls both sides on the pair's inputs; never throws for trouble in the code under test. */
export async function comparePair(pair: FunctionPair, callers: { source: ModuleCaller; target: ModuleCaller }, options: { runs: number; seed: number }): Promise<PairResult> {
  const result: PairResult = { sourceName: pair.source.name, targetName: pair.target.name, inputs: 0, agreed: 0, disagreements: [] };
  const { inputs, problem } = pairInputs(pair, options);
  if (problem) return { ...result, problem };
  const [source, target] = await Promise.all([callers.source.call(pair.source.exportPath, inputs), callers.target.call(pair.target.exportPath, inputs)]);
  if (!source.success) return { ...result, problem: `the source cannot run: ${source.error}` };
  if (!target.success) return { ...result, problem: `the translation cannot run: ${target.error}` };
  // A side that kept timing out stopped early: only inputs both sides answered are compared.
  const answered = Math.min(source.value.length, target.value.length);
  if (answered === 0) return { ...result, problem: 'no input returned in time on both sides' };
  if (answered < inputs.length) {
    result.note = `stopped after ${answered} of ${inputs.length} inputs: the ${source.value.length <= target.value.length ? 'source' : 'translation'} kept timing out`;
  }
  inputs.slice(0, answered).forEach((args, index) => {
    const sourceOutcome = source.value[index]!;
    const targetOutcome = target.value[index]!;
    result.inputs += 1;
    if (outcomesAgree(sourceOutcome, targetOutcome)) result.agreed += 1;
    else if (result.disagreements.length < maxDisagreements) result.disagreements.push({ args, source: sourceOutcome, target: targetOutcome });
  });
  return result;
}
