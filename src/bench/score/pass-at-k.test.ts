import { describe, expect, test } from 'vitest';
import { passAtK } from './pass-at-k.ts';

function binomial(n: number, k: number): number {
  let value = 1;
  for (let i = 1; i <= k; i++) value = (value * (n - k + i)) / i;
  return value;
}

describe('passAtK', () => {
  test('equals 1 - C(n-c, k) / C(n, k) on small cases', () => {
    for (let n = 1; n <= 12; n++) {
      for (let c = 0; c <= n; c++) {
        for (let k = 1; k <= n; k++) expect(passAtK(n, c, k)).toBeCloseTo(1 - (n - c >= k ? binomial(n - c, k) / binomial(n, k) : 0), 12);
      }
    }
  });

  test('pass@1 is the share of correct samples; no correct sample is 0; too few wrong samples is 1', () => {
    expect(passAtK(10, 3, 1)).toBeCloseTo(0.3, 12);
    expect(passAtK(200, 0, 100)).toBe(0);
    expect(passAtK(5, 3, 3)).toBe(1);
  });

  test('stays finite where the binomials would overflow', () => {
    const value = passAtK(5000, 10, 100);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0.18);
    expect(value).toBeLessThan(0.19);
  });

  test('refuses k above n and impossible counts', () => {
    expect(() => passAtK(3, 1, 4)).toThrow('pass@4 needs at least 4 samples, not 3');
    expect(() => passAtK(3, 4, 1)).toThrow(RangeError);
  });
});
