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

  it('takes the smallest speed-up of the measuring processes: an improvement must show in each', () => {
    const fast = base.map((value) => value / 1.2);
    const same = base.map((value) => value * 1.01);
    const judgement = judgeTime([...base, ...base], [...fast, ...same], undefined, [{ base, candidate: fast }, { base, candidate: same }]);
    expect(judgement.passed).toBe(false);
    expect(judgement.ratio).toBeCloseTo(1 / 1.01, 6);
    expect(judgement.reason).toMatch(/^the speed-up 0\.99× is below 1\.05× \(the smallest of 2 measuring processes: 1\.20×, 0\.99×\)$/);
    expect(judgeTime([...base, ...base], [...fast, ...fast], undefined, [{ base, candidate: fast }, { base, candidate: fast }])).toMatchObject({ passed: true });
  });

  it('judges memory by the ratio of medians and refuses a base that allocates nothing', () => {
    expect(judgeMemory([1000, 1010, 990, 1005, 995], [100, 110, 90, 105, 95])).toMatchObject({ passed: true, ratio: 0.1 });
    expect(judgeMemory([0, 0, 0], [0, 0, 0]).reason).toBe('the base version allocates nothing measurable on this workload');
  });
});
