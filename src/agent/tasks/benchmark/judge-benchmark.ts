/** Decides from benchmark figures whether a candidate is really better: significant (Mann–Whitney U) and large enough. */
import { mannWhitneyU } from './mann-whitney.ts';
import { median } from './statistics.ts';

/** The one-sided p-value below which an improvement counts as real. */
export const significanceLevel = 0.05;

/** The smallest improvement that counts: 5% less time (a speed-up of 1.05) or 5% less memory (a ratio of 0.95). */
export const minimumImprovement = 0.05;

/** The judgement and the numbers behind it. */
export interface BenchmarkJudgement {
  passed: boolean;
  /** One-sided: the alternative is "the candidate's figures tend to be smaller". */
  pValue: number;
  baseMedian: number;
  candidateMedian: number;
  /** time: base median / candidate median (above 1 is faster); memory: candidate median / base median (below 1 is smaller). */
  ratio: number;
  /** Why it failed, when it did. */
  reason?: string;
}

/** Judges time figures (lower is better); the improvement is the speed-up of medians. */
export function judgeTime(base: readonly number[], candidate: readonly number[], settings = { significanceLevel, minimumImprovement }): BenchmarkJudgement {
  const baseMedian = median(base);
  const candidateMedian = median(candidate);
  const pValue = mannWhitneyU(candidate, base).pLess;
  const ratio = candidateMedian > 0 ? baseMedian / candidateMedian : Number.POSITIVE_INFINITY;
  const judgement = { pValue, baseMedian, candidateMedian, ratio };
  if (!(pValue < settings.significanceLevel)) return { ...judgement, passed: false, reason: `the difference in time is not significant (p = ${pValue.toPrecision(2)}, needs < ${settings.significanceLevel})` };
  if (!(ratio >= 1 + settings.minimumImprovement)) return { ...judgement, passed: false, reason: `the speed-up ${ratio.toFixed(2)}× is below ${(1 + settings.minimumImprovement).toFixed(2)}×` };
  return { ...judgement, passed: true };
}

/** Judges memory figures (bytes per pass, lower is better); the improvement is the ratio of medians. */
export function judgeMemory(base: readonly number[], candidate: readonly number[], settings = { significanceLevel, minimumImprovement }): BenchmarkJudgement {
  const baseMedian = median(base);
  const candidateMedian = median(candidate);
  const pValue = mannWhitneyU(candidate, base).pLess;
  const judgement = { pValue, baseMedian, candidateMedian, ratio: baseMedian > 0 ? Math.max(0, candidateMedian) / baseMedian : 1 };
  if (!(baseMedian > 0)) return { ...judgement, passed: false, reason: 'the base version allocates nothing measurable on this workload' };
  if (!(pValue < settings.significanceLevel)) return { ...judgement, passed: false, reason: `the difference in memory is not significant (p = ${pValue.toPrecision(2)}, needs < ${settings.significanceLevel})` };
  if (!(judgement.ratio <= 1 - settings.minimumImprovement)) return { ...judgement, passed: false, reason: `memory falls only to ${(judgement.ratio * 100).toFixed(0)}% of the base (needs ≤ ${((1 - settings.minimumImprovement) * 100).toFixed(0)}%)` };
  return { ...judgement, passed: true };
}
