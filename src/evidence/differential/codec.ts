/** A JSON-safe encoding of JavaScript values that keeps what JSON loses (NaN, -0, undefined, bigint, dates, classes). */

/** An encoded value: plain JSON strings, booleans, null and finite numbers, or a tagged object for everything else. */
export type EncodedValue = string | boolean | null | number | EncodedArray | TaggedValue;

/** An array, item by item; holes are `{ $: 'hole' }`. */
export type EncodedArray = EncodedValue[];

/** Values JSON cannot carry, tagged by `$`. */
export type TaggedValue =
  | { $: 'undefined' }
  | { $: 'hole' }
  | { $: 'number'; value: 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { $: 'bigint'; value: string }
  | { $: 'date'; value: string }
  | { $: 'symbol'; value: string }
  | { $: 'function'; value: string }
  | { $: 'regexp'; value: string }
  | { $: 'error'; class: string; message: string }
  | { $: 'object'; class: string | null; entries: [string, EncodedValue][] }
  | { $: 'map'; entries: [EncodedValue, EncodedValue][] }
  | { $: 'set'; items: EncodedValue[] }
  | { $: 'bytes'; class: string; items: number[] }
  | { $: 'circular' }
  | { $: 'truncated' };

const maxDepth = 40;

function encodeNumber(value: number): EncodedValue {
  if (Number.isNaN(value)) return { $: 'number', value: 'NaN' };
  if (value === Infinity) return { $: 'number', value: 'Infinity' };
  if (value === -Infinity) return { $: 'number', value: '-Infinity' };
  if (Object.is(value, -0)) return { $: 'number', value: '-0' };
  return value;
}

function className(value: object): string | null {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null) return null;
  const constructor = (prototype as { constructor?: { name?: unknown } }).constructor;
  return typeof constructor?.name === 'string' ? constructor.name : 'Object';
}

function encodeObject(value: object, seen: Set<object>, depth: number): EncodedValue {
  if (seen.has(value)) return { $: 'circular' };
  if (depth > maxDepth) return { $: 'truncated' };
  seen.add(value);
  try {
    const next = (item: unknown): EncodedValue => encodeWith(item, seen, depth + 1);
    if (Array.isArray(value)) {
      return Array.from({ length: value.length }, (_, index) => (index in value ? next(value[index]) : { $: 'hole' }));
    }
    if (value instanceof Date) return { $: 'date', value: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString() };
    if (value instanceof RegExp) return { $: 'regexp', value: String(value) };
    if (value instanceof Error) return { $: 'error', class: className(value) ?? 'Error', message: value.message };
    if (value instanceof Map) return { $: 'map', entries: [...value].map(([key, item]) => [next(key), next(item)]) };
    if (value instanceof Set) return { $: 'set', items: [...value].map(next) };
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      return { $: 'bytes', class: className(value) ?? 'Uint8Array', items: Array.from(value as unknown as ArrayLike<number>) };
    }
    if (typeof (value as { then?: unknown }).then === 'function') return { $: 'object', class: 'Promise', entries: [] };
    const entries = Object.keys(value).map((key): [string, EncodedValue] => [key, next((value as Record<string, unknown>)[key])]);
    return { $: 'object', class: className(value), entries };
  } finally {
    seen.delete(value);
  }
}

function encodeWith(value: unknown, seen: Set<object>, depth: number): EncodedValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return encodeNumber(value);
    case 'bigint':
      return { $: 'bigint', value: value.toString() };
    case 'undefined':
      return { $: 'undefined' };
    case 'symbol':
      return { $: 'symbol', value: value.description ?? '' };
    case 'function':
      return { $: 'function', value: value.name };
    default:
      return value === null ? null : encodeObject(value as object, seen, depth);
  }
}

/** Encodes any value; never throws on cycles, getters that throw are the caller's concern. */
export function encodeValue(value: unknown): EncodedValue {
  return encodeWith(value, new Set(), 0);
}

const numbers: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

function decodeTagged(value: TaggedValue): unknown {
  switch (value.$) {
    case 'number':
      return numbers[value.value];
    case 'bigint':
      return BigInt(value.value);
    case 'date':
      return new Date(value.value === 'Invalid Date' ? Number.NaN : value.value);
    case 'object': {
      const result: Record<string, unknown> = value.class === null ? Object.create(null) : {};
      for (const [key, item] of value.entries) result[key] = decodeValue(item);
      return result;
    }
    case 'map':
      return new Map(value.entries.map(([key, item]) => [decodeValue(key), decodeValue(item)]));
    case 'set':
      return new Set(value.items.map(decodeValue));
    default:
      // Inputs are generated data: functions, symbols and errors never occur in them.
      return undefined;
  }
}

/** Rebuilds the data an encoded input stands for (plain objects, arrays, primitives, dates, maps, sets). */
export function decodeValue(value: EncodedValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const result: unknown[] = new Array(value.length);
    value.forEach((item, index) => {
      if (!(typeof item === 'object' && item !== null && !Array.isArray(item) && item.$ === 'hole')) result[index] = decodeValue(item);
    });
    return result;
  }
  return decodeTagged(value);
}
