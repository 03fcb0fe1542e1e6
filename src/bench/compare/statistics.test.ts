import { describe, expect, test } from 'vitest';
import { mcnemarExact } from './mcnemar.ts';
import { averageRanks, wilcoxonSignedRank } from './wilcoxon.ts';

describe('exact McNemar', () => {
  test('is the two-sided binomial test on discordant pairs', () => {
    expect(mcnemarExact(4, 0).p).toBe(0.125);
    expect(mcnemarExact(1, 9).p).toBeCloseTo((2 * 11) / 1024, 12);
    expect(mcnemarExact(3, 3).p).toBe(1);
    expect(mcnemarExact(0, 0).p).toBe(1);
  });

  test('does not underflow on many pairs', () => {
    const p = mcnemarExact(600, 400).p;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-9);
  });
});

describe('Wilcoxon signed-rank', () => {
  test('averages tied ranks', () => {
    expect(averageRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
  });

  test('exact p-values match the enumerated null distribution', () => {
    expect(wilcoxonSignedRank([1, 2, 3, 4, 5])).toEqual({ n: 5, wPlus: 15, wMinus: 0, p: 0.0625, method: 'exact' });
    // W- = 2: the subsets of {1..5} summing to at most 2 are {}, {1}, {2}: p = 2 * 3/32.
    expect(wilcoxonSignedRank([1, -2, 3, 4, 5]).p).toBeCloseTo(0.1875, 12);
    expect(wilcoxonSignedRank([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).p).toBeCloseTo(2 / 1024, 12);
  });

  test('zeros are dropped; all zeros give p = 1; symmetric differences give p = 1', () => {
    expect(wilcoxonSignedRank([0, 0, 0])).toEqual({ n: 0, wPlus: 0, wMinus: 0, p: 1, method: 'exact' });
    expect(wilcoxonSignedRank([1, -1, 2, -2, 3, -3]).p).toBe(1);
  });

  test('uses the normal approximation above 50 pairs', () => {
    const shifted = wilcoxonSignedRank(Array.from({ length: 60 }, (_, index) => index + 1));
    expect(shifted.method).toBe('normal');
    expect(shifted.p).toBeLessThan(1e-9);
    const balanced = wilcoxonSignedRank(Array.from({ length: 60 }, (_, index) => (index % 2 === 0 ? 1 : -1) * (Math.floor(index / 2) + 1)));
    expect(balanced.p).toBeGreaterThan(0.9);
  });
});
