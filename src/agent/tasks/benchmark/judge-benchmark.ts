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

/** One process's figures of both versions (see `measureTime`). */
export interface TimeGroup {
  base: readonly number[];
  candidate: readonly number[];
}

/**
 * Judges time figures (lower is better); the improvement is the speed-up of medians. With `groups` (the figures of
 * each measuring process) the speed-up is the smallest of the whole and of each process: each process has its own
 * luck with the optimising compiler, and an improvement must show in every one.
 */
export function judgeTime(base: readonly number[], candidate: readonly number[], settings = { significanceLevel, minimumImprovement }, groups: readonly TimeGroup[] = []): BenchmarkJudgement {
  const baseMedian = median(base);
  const candidateMedian = median(candidate);
  const pValue = mannWhitneyU(candidate, base).pLess;
  const speedUp = (baseFigure: number, candidateFigure: number) => (candidateFigure > 0 ? baseFigure / candidateFigure : Number.POSITIVE_INFINITY);
  const perGroup = groups.filter((group) => group.base.length > 0 && group.candidate.length > 0).map((group) => speedUp(median(group.base), median(group.candidate)));
  const ratio = Math.min(speedUp(baseMedian, candidateMedian), ...perGroup);
  const judgement = { pValue, baseMedian, candidateMedian, ratio };
  if (!(pValue < settings.significanceLevel)) return { ...judgement, passed: false, reason: `the difference in time is not significant (p = ${pValue.toPrecision(2)}, needs < ${settings.significanceLevel})` };
  if (!(ratio >= 1 + settings.minimumImprovement)) {
    const where = perGroup.length > 1 ? ` (the smallest of ${perGroup.length} measuring processes: ${perGroup.map((value) => `${value.toFixed(2)}×`).join(', ')})` : '';
    return { ...judgement, passed: false, reason: `the speed-up ${ratio.toFixed(2)}× is below ${(1 + settings.minimumImprovement).toFixed(2)}×${where}` };
  }
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
