/** Turns optimize's findings into a success report: a behaviour change rejects, else the benchmark's judgement decides. */
import { formatArguments, formatOutcome } from '../../../evidence/differential/format.ts';
import type { SuccessReport } from '../types.ts';
import type { GateResult } from './behaviour-gate.ts';
import type { BenchmarkJudgement } from './judge-benchmark.ts';

function bytes(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(2)} MiB`;
  if (magnitude >= 1024) return `${(value / 1024).toFixed(1)} KiB`;
  return `${Math.round(value)} B`;
}

function milliseconds(value: number): string {
  return value >= 1 ? `${value.toFixed(2)} ms` : `${(value * 1000).toFixed(1)} µs`;
}

/** The report for a candidate that changes what the function does. */
export function behaviourChangedReport(name: string, gate: Extract<GateResult, { status: 'different' }>): SuccessReport {
  return {
    passed: false,
    score: 0,
    summary: `rejected: \`${name}\` behaves differently from the base, so its speed does not count`,
    details: [`for input ${formatArguments(gate.args)} the base ${formatOutcome(gate.base)} and the candidate ${formatOutcome(gate.candidate)}`],
  };
}

/** What was measured, for the report. */
export interface MeasuredRun {
  name: string;
  metric: 'time' | 'memory';
  judgement: BenchmarkJudgement;
  /** Inputs on which behaviour was compared, and the workload's size. */
  comparedInputs: number;
  workloadInputs: number;
  samples: { base: number; candidate: number };
  /** Memory only: median resident-set growth per pass. */
  rss?: { base: number; candidate: number };
  notes: string[];
}

/** The report after the benchmark. */
export function benchmarkReport(run: MeasuredRun): SuccessReport {
  const { judgement } = run;
  const format = run.metric === 'time' ? milliseconds : bytes;
  const per = run.metric === 'time' ? 'per pass over the workload' : 'allocated per pass over the workload';
  const change = run.metric === 'time' ? `speed-up ${judgement.ratio.toFixed(2)}×` : `memory ${(judgement.ratio * 100).toFixed(0)}% of the base`;
  const details = [
    `behaviour: the same on ${run.comparedInputs} inputs (generated, from the tests, and the workload)`,
    `${run.metric}: base ${format(judgement.baseMedian)}, candidate ${format(judgement.candidateMedian)} ${per} (medians of ${run.samples.base} and ${run.samples.candidate} figures, ${run.workloadInputs} workload inputs)`,
    `${change}, Mann–Whitney U one-sided p = ${judgement.pValue.toPrecision(3)}`,
    ...(run.rss ? [`resident set growth: base ${bytes(run.rss.base)}, candidate ${bytes(run.rss.candidate)} (median per pass)`] : []),
    ...run.notes,
  ];
  const measures: Record<string, number> = { pValue: judgement.pValue, baseMedian: judgement.baseMedian, candidateMedian: judgement.candidateMedian };
  if (run.metric === 'time') measures.speedup = judgement.ratio;
  else measures.memoryRatio = judgement.ratio;
  if (!judgement.passed) return { passed: false, score: 0, summary: `\`${run.name}\` keeps its behaviour but ${judgement.reason}`, details, measures };
  const score = run.metric === 'time' ? 1 - 1 / judgement.ratio : 1 - judgement.ratio;
  return { passed: true, score, summary: `\`${run.name}\` keeps its behaviour and improves: ${change} (p = ${judgement.pValue.toPrecision(2)})`, details, measures };
}
