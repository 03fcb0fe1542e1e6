/** A bench run's scores: rates, pass@k, spend and measures overall and by family, scope, complexity, autonomy, language and suite. */
import type { OpenedBenchRun } from '../run/open-bench-run.ts';
import type { BenchSummary, GroupDimension, GroupSummary, TaskResult } from './summary-types.ts';
import { meanMeasures, taskResult } from './task-results.ts';

const dimensions: GroupDimension[] = ['family', 'scope', 'complexity', 'autonomy', 'language', 'suite'];

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((total, value) => total + value, 0) / values.length;
}

/** Rates over counted tasks; pass@k over the counted tasks with at least k counted samples. */
export function summarizeGroup(tasks: readonly TaskResult[]): GroupSummary {
  const counted = tasks.filter((task) => task.counted > 0);
  const rows = tasks.flatMap((task) => task.rows);
  const excludedCount = (status: string) => rows.filter((item) => item.scoreStatus === status).length;
  const maxK = Math.max(0, ...counted.map((task) => task.counted));
  const passAtK: Record<string, number> = {};
  for (let k = 1; k <= maxK; k++) {
    const value = mean(counted.filter((task) => task.counted >= k).map((task) => task.passAtK[`pass@${k}`]!));
    if (value !== null) passAtK[`pass@${k}`] = value;
  }
  const attempted = tasks.filter((task) => task.rows.some((item) => item.attemptStatus !== 'pending')).length || 1;
  const total = (pick: (task: TaskResult) => number) => tasks.reduce((sum, task) => sum + pick(task), 0);
  const cost = total((task) => task.cost);
  const input = total((task) => task.inputTokens);
  const output = total((task) => task.outputTokens);
  const agent = total((task) => task.agentSeconds);
  const score = total((task) => task.scoreSeconds);
  return {
    tasks: tasks.length,
    counted: counted.length,
    excluded: { flaky: excludedCount('flaky'), environmentError: excludedCount('environment-error'), brokenTask: excludedCount('broken-task'), pending: excludedCount('pending') },
    resolveRate: mean(counted.map((task) => task.passed / task.counted)),
    passAtK,
    cost: { total: cost, perTask: cost / attempted },
    tokens: { input, output, perTask: (input + output) / attempted },
    seconds: { agent, score, perTask: (agent + score) / attempted },
    measures: meanMeasures(tasks.flatMap((task) => task.rows.filter((item) => item.scoreStatus === 'passed' || item.scoreStatus === 'failed').map((item) => item.measures))),
  };
}

/** Summarizes a run from its tasks and journals (a run in progress too: unscored samples are `pending`). */
export function summarizeRun(run: Pick<OpenedBenchRun, 'record' | 'tasks' | 'attempts' | 'scores'>): BenchSummary {
  const { record } = run;
  const tasks = run.tasks.map((task) => taskResult(task, record.samples, run.attempts, run.scores));
  const by = Object.fromEntries(
    dimensions.map((dimension) => {
      const groups = new Map<string, TaskResult[]>();
      for (const task of tasks) groups.set(task[dimension], [...(groups.get(task[dimension]) ?? []), task]);
      return [dimension, Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([name, members]) => [name, summarizeGroup(members)]))];
    }),
  ) as BenchSummary['by'];
  return {
    run: { id: record.id, suite: record.suite, agent: record.agent, ...(record.model ? { model: record.model } : {}), samples: record.samples, status: record.status, startedAt: record.startedAt, ...(record.endedAt ? { endedAt: record.endedAt } : {}) },
    overall: summarizeGroup(tasks),
    by,
    tasks,
    excluded: tasks.flatMap((task) => task.rows.filter((item) => item.scoreStatus !== 'passed' && item.scoreStatus !== 'failed').map((item) => ({ taskId: task.id, sample: item.sample, status: item.scoreStatus, reason: item.reason }))),
  };
}
