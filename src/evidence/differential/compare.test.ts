import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue } from './codec.ts';
import { sameOutcome, sameValue } from './compare.ts';
import { formatArguments, formatOutcome } from './format.ts';

const same = (left: unknown, right: unknown) => sameValue(encodeValue(left), encodeValue(right));
const returns = (value: unknown) => ({ kind: 'return' as const, value: encodeValue(value) });
const throws = (error: unknown) => ({ kind: 'throw' as const, error: encodeValue(error) });

describe('structural comparison', () => {
  it('tells NaN, -0, undefined and missing keys apart the way a caller can', () => {
    expect(same(Number.NaN, Number.NaN)).toBe(true);
    expect(same(0, -0)).toBe(false);
    expect(same({ a: undefined }, {})).toBe(false);
    expect(same([undefined], new Array(1))).toBe(false);
    expect(same({ a: 1, b: [2, { c: 3n }] }, { b: [2, { c: 3n }], a: 1 })).toBe(true);
    expect(same(new Date(0), new Date(0))).toBe(true);
    expect(same(new Map([[1, 'a']]), new Map([[1, 'b']]))).toBe(false);
    class Point {
      x: number;
      constructor(x: number) {
        this.x = x;
      }
    }
    expect(same(new Point(1), { x: 1 })).toBe(false);
  });

  it('compares thrown errors by class and message', () => {
    expect(sameOutcome(throws(new RangeError('bad')), throws(new RangeError('bad')))).toBe(true);
    expect(sameOutcome(throws(new RangeError('bad')), throws(new TypeError('bad')))).toBe(false);
    expect(sameOutcome(throws(new Error('a')), throws(new Error('b')))).toBe(false);
    expect(sameOutcome(returns(1), throws(new Error('1')))).toBe(false);
  });

  it('survives cycles and round-trips generated inputs', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(encodeValue(cyclic)).toEqual({ $: 'object', class: 'Object', entries: [['name', 'loop'], ['self', { $: 'circular' }]] });
    const input = [1, -0, Number.NaN, -Infinity, 'x', true, null, undefined, 5n, new Date(86_400_000), { a: [1, { b: 'c' }] }];
    const decoded = decodeValue(encodeValue(input)) as unknown[];
    expect(Object.is(decoded[1], -0)).toBe(true);
    expect(decoded).toEqual(input);
  });

  it('renders inputs and outcomes as JavaScript-like text', () => {
    expect(formatArguments(['1.2.3-beta', -0, Number.NaN, 2n, undefined, [1, { a: 'b' }]].map(encodeValue))).toBe('("1.2.3-beta", -0, NaN, 2n, undefined, [1, { a: "b" }])');
    expect(formatOutcome(throws(new RangeError('not a port')))).toBe('throws RangeError: not a port');
    expect(formatOutcome({ kind: 'timeout', ms: 1000 })).toBe('does not return within 1000 ms');
  });
});
