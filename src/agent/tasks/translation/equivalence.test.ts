import { describe, expect, it } from 'vitest';
import type { CallOutcome, EncodedValue } from '../../../evidence/differential/index.ts';
import { equivalentValues, outcomesAgree } from './equivalence.ts';

const returns = (value: EncodedValue): CallOutcome => ({ kind: 'return', value });
const throws = (name: string): CallOutcome => ({ kind: 'throw', error: { $: 'error', class: name, message: 'no' } });

describe('cross-language equivalence', () => {
  it('equates what two languages spell differently: numbers, -0, big integers, None, tuples, dicts and sets', () => {
    expect(equivalentValues(3, 3.0)).toBe(true);
    expect(equivalentValues({ $: 'number', value: '-0' }, 0)).toBe(true);
    expect(equivalentValues({ $: 'bigint', value: '12' }, 12)).toBe(true);
    expect(equivalentValues({ $: 'bigint', value: '100000000000000000000' }, 1e20)).toBe(true);
    expect(equivalentValues({ $: 'undefined' }, null)).toBe(true);
    expect(equivalentValues([1, [2, 3]], [1, [2, 3]])).toBe(true);
    const dict: EncodedValue = { $: 'object', class: 'Object', entries: [['b', 1], ['a', null]] };
    expect(equivalentValues(dict, { $: 'object', class: 'Point', entries: [['a', { $: 'undefined' }], ['b', 1]] })).toBe(true);
    expect(equivalentValues(dict, { $: 'map', entries: [['a', null], ['b', 1]] })).toBe(true);
    expect(equivalentValues({ $: 'set', items: [3, 1] }, { $: 'set', items: [1, 3] })).toBe(true);
  });

  it('keeps real differences apart', () => {
    expect(equivalentValues(1, '1')).toBe(false);
    expect(equivalentValues([1, 2], [2, 1])).toBe(false);
    expect(equivalentValues({ $: 'number', value: 'NaN' }, null)).toBe(false);
    expect(equivalentValues(0.30000000000000004, 0.3)).toBe(false);
  });

  it('counts an exception on both sides as agreement whatever its type, and an exception against a value as not', () => {
    expect(outcomesAgree(throws('ValueError'), throws('RangeError'))).toBe(true);
    expect(outcomesAgree(throws('ValueError'), { kind: 'exit', code: 1, signal: null })).toBe(true);
    expect(outcomesAgree(throws('ValueError'), returns(null))).toBe(false);
    expect(outcomesAgree({ kind: 'timeout', ms: 1000 }, { kind: 'timeout', ms: 1000 })).toBe(true);
    expect(outcomesAgree({ kind: 'unavailable', reason: 'x' }, { kind: 'unavailable', reason: 'x' })).toBe(false);
  });
});
