/** `bench compare`: two runs side by side, task by task, with paired tests (exact McNemar on resolved, Wilcoxon on spend and measures). */
import { readBenchRun } from '../run/open-bench-run.ts';
import { summarizeRun } from '../score/summarize-run.ts';
import type { BenchSummary, TaskResult } from '../score/summary-types.ts';
import { mcnemarExact, type McNemarResult } from './mcnemar.ts';
import { wilcoxonSignedRank, type WilcoxonResult } from './wilcoxon.ts';

/** One task in both runs. `resolved` is a strict majority of counted samples passing (the pass bit with one sample). */
export interface TaskDifference {
  id: string;
  family: string;
  scope: string;
  first: { status: TaskResult['status']; resolved: boolean | null; cost: number; tokens: number; seconds: number };
  second: { status: TaskResult['status']; resolved: boolean | null; cost: number; tokens: number; seconds: number };
  /** gained: only the second resolves it; lost: only the first; same; or not comparable (excluded in either run). */
  change: 'gained' | 'lost' | 'same' | 'not-comparable';
}

export interface ContinuousComparison extends WilcoxonResult {
  name: string;
  meanFirst: number;
  meanSecond: number;
}

export interface RunComparison {
  first: BenchSummary['run'] & { resolveRate: number | null };
  second: BenchSummary['run'] & { resolveRate: number | null };
  tasks: TaskDifference[];
  onlyInFirst: string[];
  onlyInSecond: string[];
  /** Over tasks counted in both runs. */
  paired: { tasks: number; bothResolved: number; neither: number; mcnemar: McNemarResult; rateFirst: number | null; rateSecond: number | null };
  continuous: ContinuousComparison[];
}

function side(task: TaskResult) {
  return { status: task.status, resolved: task.counted > 0 ? task.passed * 2 > task.counted : null, cost: task.cost, tokens: task.inputTokens + task.outputTokens, seconds: task.agentSeconds };
}

function continuous(name: string, pairs: readonly [number, number][]): ContinuousComparison {
  const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);
  return { name, ...wilcoxonSignedRank(pairs.map(([first, second]) => second - first)), meanFirst: mean(pairs.map(([first]) => first)), meanSecond: mean(pairs.map(([, second]) => second)) };
}

/** Compares two summaries task by task. */
export function compareSummaries(first: BenchSummary, second: BenchSummary): RunComparison {
  const secondById = new Map(second.tasks.map((task) => [task.id, task]));
  const firstIds = new Set(first.tasks.map((task) => task.id));
  const tasks: TaskDifference[] = [];
  const both: [TaskResult, TaskResult][] = [];
  for (const task of first.tasks) {
    const other = secondById.get(task.id);
    if (!other) continue;
    const a = side(task);
    const b = side(other);
    const change = a.resolved === null || b.resolved === null ? 'not-comparable' : a.resolved === b.resolved ? 'same' : b.resolved ? 'gained' : 'lost';
    tasks.push({ id: task.id, family: task.family, scope: task.scope, first: a, second: b, change });
    if (change !== 'not-comparable') both.push([task, other]);
  }
  const resolved = (task: TaskResult) => task.passed * 2 > task.counted;
  const rate = (values: boolean[]) => (values.length === 0 ? null : values.filter(Boolean).length / values.length);
  const measureNames = [...new Set(both.flatMap(([a, b]) => Object.keys(a.measures).filter((name) => name in b.measures)))].sort();
  return {
    first: { ...first.run, resolveRate: first.overall.resolveRate },
    second: { ...second.run, resolveRate: second.overall.resolveRate },
    tasks,
    onlyInFirst: first.tasks.filter((task) => !secondById.has(task.id)).map((task) => task.id),
    onlyInSecond: second.tasks.filter((task) => !firstIds.has(task.id)).map((task) => task.id),
    paired: {
      tasks: both.length,
      bothResolved: both.filter(([a, b]) => resolved(a) && resolved(b)).length,
      neither: both.filter(([a, b]) => !resolved(a) && !resolved(b)).length,
      mcnemar: mcnemarExact(both.filter(([a, b]) => resolved(a) && !resolved(b)).length, both.filter(([a, b]) => !resolved(a) && resolved(b)).length),
      rateFirst: rate(both.map(([a]) => resolved(a))),
      rateSecond: rate(both.map(([, b]) => resolved(b))),
    },
    continuous: [
      continuous('cost', both.map(([a, b]) => [a.cost, b.cost])),
      continuous('tokens', both.map(([a, b]) => [a.inputTokens + a.outputTokens, b.inputTokens + b.outputTokens])),
      continuous('agent seconds', both.map(([a, b]) => [a.agentSeconds, b.agentSeconds])),
      ...measureNames.map((name) => continuous(name, both.filter(([a, b]) => name in a.measures && name in b.measures).map(([a, b]) => [a.measures[name]!, b.measures[name]!]))),
    ],
  };
}

/** Reads two runs under `root` (ids or folders) and compares them. */
export function compareRuns(root: string, first: string, second: string): RunComparison {
  return compareSummaries(summarizeRun(readBenchRun(root, first)), summarizeRun(readBenchRun(root, second)));
}
