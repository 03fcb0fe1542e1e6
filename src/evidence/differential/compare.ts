/** Structural equality of call outcomes: deep values with NaN, -0 and undefined kept, errors by class and message. */
import type { EncodedValue } from './codec.ts';
import type { CallOutcome } from './protocol.ts';

/** Sorts object entries so that key order does not count; everything else keeps its order. */
function canonical(value: EncodedValue): EncodedValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(canonical);
  switch (value.$) {
    case 'object': {
      const entries = value.entries.map(([key, item]): [string, EncodedValue] => [key, canonical(item)]);
      entries.sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
      return { ...value, entries };
    }
    case 'map':
      return { ...value, entries: value.entries.map(([key, item]): [EncodedValue, EncodedValue] => [canonical(key), canonical(item)]) };
    case 'set':
      return { ...value, items: value.items.map(canonical) };
    default:
      return value;
  }
}

/** True when two encoded values are deeply equal (object key order ignored). */
export function sameValue(left: EncodedValue, right: EncodedValue): boolean {
  return JSON.stringify(canonical(left)) === JSON.stringify(canonical(right));
}

/** Thrown values compare by class and message; thrown non-errors compare as values. */
function sameThrown(left: EncodedValue, right: EncodedValue): boolean {
  const isError = (value: EncodedValue) => typeof value === 'object' && value !== null && !Array.isArray(value) && value.$ === 'error';
  if (isError(left) && isError(right)) return JSON.stringify(left) === JSON.stringify(right);
  return sameValue(left, right);
}

/** True when base and change behaved the same for one input. */
export function sameOutcome(base: CallOutcome, change: CallOutcome): boolean {
  if (base.kind === 'return' && change.kind === 'return') return sameValue(base.value, change.value);
  if (base.kind === 'throw' && change.kind === 'throw') return sameThrown(base.error, change.error);
  if (base.kind === 'timeout' && change.kind === 'timeout') return true;
  if (base.kind === 'exit' && change.kind === 'exit') return base.code === change.code && base.signal === change.signal;
  return false;
}
