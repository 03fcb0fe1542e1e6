/** fast-check arbitraries for parameter shapes, biased towards mined constants and small values. */
import fc from 'fast-check';
import type { Constants } from './constants.ts';
import type { ParameterShape, Shape } from './shape.ts';

function weighted(constants: readonly unknown[], constantWeight: number, rest: fc.WeightedArbitrary<unknown>[]): fc.Arbitrary<unknown> {
  const choices = constants.length > 0 ? [{ arbitrary: fc.constantFrom(...constants), weight: constantWeight }, ...rest] : rest;
  return fc.oneof(...choices);
}

function numberArbitrary(constants: Constants): fc.Arbitrary<unknown> {
  return weighted(constants.numbers, 3, [
    { arbitrary: fc.integer({ min: -100, max: 100 }), weight: 3 },
    { arbitrary: fc.integer(), weight: 1 },
    // Half steps find boundaries that only fractions cross (`x > n` against `x >= n + 1`).
    { arbitrary: fc.integer({ min: -200, max: 200 }).map((half) => half / 2), weight: 1 },
    // Doubles bring NaN, -0, infinities and fractions.
    { arbitrary: fc.double(), weight: 1 },
  ]);
}

function stringArbitrary(constants: Constants): fc.Arbitrary<unknown> {
  return weighted(constants.strings, 2, [
    { arbitrary: fc.string(), weight: 3 },
    { arbitrary: fc.string({ unit: 'grapheme' }), weight: 1 },
  ]);
}

function tupleArbitrary(items: fc.Arbitrary<unknown>[], required: number): fc.Arbitrary<unknown> {
  if (required === items.length) return fc.tuple(...items);
  return fc.tuple(fc.tuple(...items), fc.integer({ min: required, max: items.length })).map(([values, length]) => values.slice(0, length));
}

/** An arbitrary producing values of `shape`. */
export function arbitraryFor(shape: Shape, constants: Constants): fc.Arbitrary<unknown> {
  const next = (inner: Shape) => arbitraryFor(inner, constants);
  switch (shape.kind) {
    case 'number':
      return numberArbitrary(constants);
    case 'string':
      return stringArbitrary(constants);
    case 'boolean':
      return fc.boolean();
    case 'bigint':
      return fc.oneof(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt());
    case 'date':
      return fc.date();
    case 'constant':
      return fc.constant(shape.value);
    case 'union':
      return fc.oneof(...shape.options.map(next));
    case 'array':
      return fc.array(next(shape.item), { maxLength: 8 });
    case 'tuple':
      return tupleArbitrary(shape.items.map(next), shape.required);
    case 'object': {
      const model = Object.fromEntries(shape.properties.map((property) => [property.name, next(property.shape)]));
      const requiredKeys = shape.properties.filter((property) => !property.optional).map((property) => property.name);
      return fc.record(model, { requiredKeys });
    }
    case 'dictionary':
      return fc.dictionary(fc.string({ maxLength: 6 }), next(shape.value), { maxKeys: 5 });
  }
}

/**
 * One value per parameter: an optional parameter may be `undefined` (then left out of the call),
 * a rest parameter is an array spread into the call.
 */
export function parametersArbitrary(parameters: readonly ParameterShape[], constants: Constants): fc.Arbitrary<unknown[]> {
  const items = parameters.map((parameter) => {
    const arbitrary = arbitraryFor(parameter.shape, constants);
    return parameter.optional ? fc.option(arbitrary, { nil: undefined, freq: 4 }) : arbitrary;
  });
  return fc.tuple(...items);
}

/** The argument list of a call from one value per parameter. */
export function toArguments(parameters: readonly ParameterShape[], values: readonly unknown[]): unknown[] {
  const args: unknown[] = [];
  parameters.forEach((parameter, index) => {
    if (parameter.rest) args.push(...((values[index] as unknown[] | undefined) ?? []));
    else args.push(values[index]);
  });
  const restUsed = parameters.some((parameter, index) => parameter.rest && ((values[index] as unknown[] | undefined)?.length ?? 0) > 0);
  let end = args.length;
  while (!restUsed && end > 0 && parameters[end - 1]?.optional && args[end - 1] === undefined) end -= 1;
  return args.slice(0, end);
}

/** Values per parameter for an argument list taken from a test, or undefined when it does not fit the arity. */
export function fromArguments(parameters: readonly ParameterShape[], args: readonly unknown[]): unknown[] | undefined {
  const hasRest = parameters.at(-1)?.rest === true;
  const fixed = hasRest ? parameters.length - 1 : parameters.length;
  const required = parameters.filter((parameter) => !parameter.optional && !parameter.rest).length;
  if (args.length < required || (!hasRest && args.length > fixed)) return undefined;
  const values: unknown[] = parameters.slice(0, fixed).map((_, index) => args[index]);
  if (hasRest) values.push(args.slice(fixed));
  return values;
}
