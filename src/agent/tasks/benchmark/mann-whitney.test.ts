import { describe, expect, it } from 'vitest';
import { mannWhitneyU } from './mann-whitney.ts';
import { median, normalCdf } from './statistics.ts';

// Reference values from scipy 1.17: mannwhitneyu(x, y, alternative=..., method='asymptotic', use_continuity=True).
const cases = [
  { x: [1.1, 2.2, 3.3, 4.4, 5.5], y: [6.6, 7.7, 8.8, 9.9, 10.1], u: 0, less: 0.006092890177672406, greater: 0.9966923245172357, twoSided: 0.012185780355344813 },
  { x: [19, 22, 16, 29, 24], y: [20, 11, 17, 12], u: 17, less: 0.9669037101389033, greater: 0.055673443266570206, twoSided: 0.11134688653314041 },
  { x: [1, 2, 2, 3, 3, 3, 4], y: [2, 3, 3, 4, 4, 5, 5, 6], u: 11, less: 0.02494221848996294, greater: 0.98122802559914, twoSided: 0.04988443697992588 },
  {
    x: [3.2, 3.1, 3.3, 3.0, 3.25, 3.15, 3.05, 3.35, 3.4, 3.12],
    y: [2.9, 3.0, 2.8, 3.1, 2.95, 2.85, 3.05, 2.7, 2.99, 3.02],
    u: 94.5,
    less: 0.9996698130383539,
    greater: 0.0004344717885771247,
    twoSided: 0.0008689435771542494,
  },
];

describe('mannWhitneyU', () => {
  it.each(cases)('matches scipy on %#: U and the three p-values (ties included)', ({ x, y, u, less, greater, twoSided }) => {
    const result = mannWhitneyU(x, y);
    expect(result.u).toBe(u);
    expect(result.pLess).toBeCloseTo(less, 6);
    expect(result.pGreater).toBeCloseTo(greater, 6);
    expect(result.pTwoSided).toBeCloseTo(twoSided, 6);
  });

  it('finds no evidence when every value is tied or a sample is empty', () => {
    expect(mannWhitneyU([1, 1, 1], [1, 1])).toMatchObject({ pLess: 1, pGreater: 1, pTwoSided: 1 });
    expect(mannWhitneyU([], [1, 2])).toMatchObject({ pLess: 1, pGreater: 1, pTwoSided: 1 });
  });
});

describe('statistics', () => {
  it('takes the median of odd and even counts without changing the input', () => {
    const values = [5, 1, 4, 2];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 4, 2]);
    expect(median([3, 9, 1])).toBe(3);
    expect(median([])).toBeNaN();
  });

  it('computes the standard normal distribution function', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 7);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 8);
  });
});
