import { describe, expect, it } from 'vitest';
import { judgeMemory, judgeTime } from './judge-benchmark.ts';

const base = [10, 11, 10.5, 10.2, 10.8, 10.1, 10.9, 10.4];

describe('judgeTime and judgeMemory', () => {
  it('passes a significant improvement of at least 5%', () => {
    const judgement = judgeTime(base, base.map((value) => value / 2));
    expect(judgement).toMatchObject({ passed: true });
    expect(judgement.ratio).toBeCloseTo(2, 6);
    expect(judgement.pValue).toBeLessThan(0.05);
  });

  it('fails a significant improvement below 5%, and one that is not significant', () => {
    const tight = [10, 10.01, 10.02, 10.03, 10.04, 10.05, 10.06, 10.07];
    expect(judgeTime(tight, tight.map((value) => value * 0.98)).reason).toMatch(/^the speed-up 1\.02× is below 1\.05×/);
    expect(judgeTime(base, [...base].reverse()).reason).toMatch(/^the difference in time is not significant/);
  });

  it('judges memory by the ratio of medians and refuses a base that allocates nothing', () => {
    expect(judgeMemory([1000, 1010, 990, 1005, 995], [100, 110, 90, 105, 95])).toMatchObject({ passed: true, ratio: 0.1 });
    expect(judgeMemory([0, 0, 0], [0, 0, 0]).reason).toBe('the base version allocates nothing measurable on this workload');
  });
});
