/** Input shapes across languages: the differential module's shapes plus Python's `int`, and fast-check arbitraries for them. */
import fc from 'fast-check';
import { arbitraryFor } from '../../../evidence/differential/arbitraries.ts';
import type { Constants } from '../../../evidence/differential/constants.ts';
import type { Shape } from '../../../evidence/differential/index.ts';

/** A generable type: every differential shape, an `integer` (Python `int` hints), and containers of either. */
export type InputShape =
  | Exclude<Shape, { kind: 'union' | 'array' | 'tuple' | 'dictionary' }>
  | { kind: 'integer' }
  | { kind: 'union'; options: InputShape[] }
  | { kind: 'array'; item: InputShape }
  | { kind: 'tuple'; items: InputShape[]; required: number }
  | { kind: 'dictionary'; value: InputShape };

/** One parameter: optional parameters may be left out, a rest parameter spreads an array. */
export interface InputParameter {
  name: string;
  shape: InputShape;
  optional: boolean;
  rest: boolean;
}

function integerArbitrary(constants: Constants): fc.Arbitrary<unknown> {
  const integers = constants.numbers.filter((value) => Number.isSafeInteger(value));
  const choices: fc.WeightedArbitrary<unknown>[] = [
    { arbitrary: fc.integer({ min: -100, max: 100 }), weight: 4 },
    // Python ints never overflow; keep sums and products of generated values exact in JavaScript too.
    { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }), weight: 1 },
  ];
  if (integers.length > 0) choices.unshift({ arbitrary: fc.constantFrom(...integers), weight: 3 });
  return fc.oneof(...choices);
}

/** An arbitrary producing values of `shape`. */
export function inputArbitrary(shape: InputShape, constants: Constants): fc.Arbitrary<unknown> {
  const next = (inner: InputShape) => inputArbitrary(inner, constants);
  switch (shape.kind) {
    case 'integer':
      return integerArbitrary(constants);
    case 'union':
      return fc.oneof(...shape.options.map(next));
    case 'array':
      return fc.array(next(shape.item), { maxLength: 8 });
    case 'tuple': {
      const items = fc.tuple(...shape.items.map(next));
      if (shape.required === shape.items.length) return items;
      return fc.tuple(items, fc.integer({ min: shape.required, max: shape.items.length })).map(([values, length]) => values.slice(0, length));
    }
    case 'dictionary':
      return fc.dictionary(fc.string({ maxLength: 6 }), next(shape.value), { maxKeys: 5 });
    default:
      return arbitraryFor(shape, constants);
  }
}

/** Argument lists for `parameters`: optional parameters left out at the end, rest parameters spread. */
export function argumentsArbitrary(parameters: readonly InputParameter[], constants: Constants): fc.Arbitrary<unknown[]> {
  const items = parameters.map((parameter) => {
    const arbitrary = inputArbitrary(parameter.shape, constants);
    return parameter.optional ? fc.option(arbitrary, { nil: undefined, freq: 4 }) : arbitrary;
  });
  return fc.tuple(...items).map((values) => {
    const args: unknown[] = [];
    parameters.forEach((parameter, index) => {
      if (parameter.rest) args.push(...((values[index] as unknown[] | undefined) ?? []));
      else args.push(values[index]);
    });
    // A left-out optional argument must not become an explicit `None` in Python.
    let end = parameters.some((parameter) => parameter.rest) ? args.length : parameters.length;
    while (end > 0 && parameters[end - 1]?.optional && args[end - 1] === undefined) end -= 1;
    return args.slice(0, end);
  });
}

/** `count` argument lists drawn with `seed`, so that a check can be replayed. */
export function sampleArguments(parameters: readonly InputParameter[], constants: Constants, count: number, seed: number): unknown[][] {
  if (count <= 0) return [];
  if (parameters.length === 0) return [[]];
  return fc.sample(argumentsArbitrary(parameters, constants), { numRuns: count, seed });
}
