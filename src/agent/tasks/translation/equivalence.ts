/**
 * When a source and its translation agree on one input. The equivalence, for values in the
 * differential codec's encoding:
 * - numbers are equal when their values are (Python `3` and `3.0`, JavaScript `3`); `-0` equals `0`;
 *   integers beyond 2^53 compare as exact integers (Python `int`, JavaScript `bigint` or a whole number);
 * - tuples, lists and arrays are all arrays; `None`, `null` and `undefined` are all null;
 * - objects and dicts compare by their fields, whatever their class, in any key order; a Map with
 *   string keys equals an object; sets compare in any order;
 * - an exception (or a crash) on both sides is agreement whatever its type and message; both sides
 *   timing out is agreement too; anything else against an exception is not.
 */
import type { CallOutcome, EncodedValue } from '../../../evidence/differential/index.ts';

type Tagged = Exclude<EncodedValue, string | boolean | null | number | EncodedValue[]>;

function sortedBy<T>(items: T[], key: (item: T) => string): T[] {
  return items.map((item) => ({ item, text: key(item) })).sort((left, right) => (left.text < right.text ? -1 : left.text > right.text ? 1 : 0)).map((entry) => entry.item);
}

function normalizeNumber(value: number): EncodedValue {
  if (Object.is(value, -0)) return 0;
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) return { $: 'bigint', value: BigInt(value).toString() };
  return value;
}

function normalizeTagged(value: Tagged): EncodedValue {
  switch (value.$) {
    case 'undefined':
    case 'hole':
      return null;
    case 'number':
      return value.value === '-0' ? 0 : value;
    case 'bigint': {
      const number = Number(value.value);
      return Number.isSafeInteger(number) ? number : value;
    }
    case 'object':
      return { $: 'object', class: 'Object', entries: sortedBy(value.entries.map(([key, item]): [string, EncodedValue] => [key, normalizeValue(item)]), ([key]) => key) };
    case 'map': {
      const entries = value.entries.map(([key, item]): [EncodedValue, EncodedValue] => [normalizeValue(key), normalizeValue(item)]);
      if (entries.every(([key]) => typeof key === 'string')) return normalizeTagged({ $: 'object', class: 'Object', entries: entries as [string, EncodedValue][] });
      return { $: 'map', entries: sortedBy(entries, ([key]) => JSON.stringify(key)) };
    }
    case 'set':
      return { $: 'set', items: sortedBy(value.items.map(normalizeValue), (item) => JSON.stringify(item)) };
    default:
      return value;
  }
}

/** The canonical form of a value under the cross-language equivalence. */
export function normalizeValue(value: EncodedValue): EncodedValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return normalizeNumber(value);
  if (Array.isArray(value)) return value.map(normalizeValue);
  return normalizeTagged(value);
}

/** True when two returned values are equal under the equivalence. */
export function equivalentValues(left: EncodedValue, right: EncodedValue): boolean {
  return JSON.stringify(normalizeValue(left)) === JSON.stringify(normalizeValue(right));
}

function category(outcome: CallOutcome): 'return' | 'raise' | 'timeout' | 'unavailable' {
  if (outcome.kind === 'throw' || outcome.kind === 'exit') return 'raise';
  return outcome.kind;
}

/** True when the source and the translation behaved alike on one input; `unavailable` never agrees. */
export function outcomesAgree(source: CallOutcome, target: CallOutcome): boolean {
  if (source.kind === 'return' && target.kind === 'return') return equivalentValues(source.value, target.value);
  const kind = category(source);
  return kind !== 'unavailable' && kind !== 'return' && kind === category(target);
}
