/** Benchmark inputs from parameter shapes: the outermost arrays, strings and dictionaries get the workload's size, so that cost shows. */
import fc from 'fast-check';
import { arbitraryFor, toArguments } from '../../../evidence/differential/arbitraries.ts';
import type { Constants } from '../../../evidence/differential/constants.ts';
import type { ParameterShape, Shape } from '../../../evidence/differential/index.ts';

/** How many inputs and how large. */
export interface WorkloadOptions {
  /** Generated argument lists (default 4). */
  count: number;
  /** Length of the outermost arrays and strings, keys of the outermost dictionaries, bound of numbers (default 2,000). */
  size: number;
  seed: number;
}

/**
 * `size` is spent by the first array, string or dictionary on the way down (through object
 * properties, tuple items and union options); anything nested inside it is small, as in differential testing.
 * Numbers are integers within ±size, so that values repeat the way real data does.
 */
function sizedArbitrary(shape: Shape, constants: Constants, size: number | undefined): fc.Arbitrary<unknown> {
  const bound = size ?? 100;
  const next = (inner: Shape, innerSize: number | undefined) => sizedArbitrary(inner, constants, innerSize);
  switch (shape.kind) {
    case 'number':
      return fc.integer({ min: -bound, max: bound });
    case 'string':
      return size === undefined ? arbitraryFor(shape, constants) : fc.string({ minLength: size, maxLength: size });
    case 'array':
      return size === undefined ? fc.array(next(shape.item, undefined), { maxLength: 8 }) : fc.array(next(shape.item, undefined), { minLength: size, maxLength: size });
    case 'dictionary':
      return size === undefined ? arbitraryFor(shape, constants) : fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), next(shape.value, undefined), { minKeys: Math.floor(size / 2), maxKeys: size });
    case 'tuple':
      return fc.tuple(...shape.items.map((item) => next(item, size)));
    case 'union':
      return fc.oneof(...shape.options.map((option) => next(option, size)));
    case 'object': {
      const model = Object.fromEntries(shape.properties.map((property) => [property.name, next(property.shape, size)]));
      return fc.record(model, { requiredKeys: shape.properties.map((property) => property.name) });
    }
    default:
      return arbitraryFor(shape, constants);
  }
}

/** A top-level number is most often a count or a bound: a whole number from 0 to size. */
function parameterArbitrary(parameter: ParameterShape, constants: Constants, size: number): fc.Arbitrary<unknown> {
  if (parameter.shape.kind === 'number') return fc.integer({ min: 0, max: size });
  return sizedArbitrary(parameter.shape, constants, size);
}

/** `options.count` argument lists of workload size, every optional parameter given, drawn with `options.seed`. */
export function workloadInputs(parameters: readonly ParameterShape[], constants: Constants, options: WorkloadOptions): unknown[][] {
  if (parameters.length === 0) return [[]];
  const arbitrary = fc.tuple(...parameters.map((parameter) => parameterArbitrary(parameter, constants, options.size)));
  return fc.sample(arbitrary, { numRuns: options.count, seed: options.seed }).map((values) => toArguments(parameters, values));
}
