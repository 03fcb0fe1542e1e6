/** A task's samples joined from the journals: what each attempt cost and scored, and the task's counts and pass@k. */
import type { BenchTask } from '../task-schema.ts';
import type { Attempt, AttemptScore } from '../types.ts';
import { pairKey } from '../run/bench-run-record.ts';
import { passAtK } from './pass-at-k.ts';
import type { SampleRow, TaskResult } from './summary-types.ts';

/** Means of each key over the given records. */
export function meanMeasures(records: readonly Record<string, number>[]): Record<string, number> {
  const sums = new Map<string, { total: number; count: number }>();
  for (const record of records) {
    for (const [key, value] of Object.entries(record)) {
      if (!Number.isFinite(value)) continue;
      const entry = sums.get(key) ?? { total: 0, count: 0 };
      entry.total += value;
      entry.count += 1;
      sums.set(key, entry);
    }
  }
  return Object.fromEntries([...sums].sort(([a], [b]) => a.localeCompare(b)).map(([key, { total, count }]) => [key, total / count]));
}

function row(sample: number, attempt: Attempt | undefined, score: AttemptScore | undefined): SampleRow {
  return {
    sample,
    attemptStatus: attempt?.status ?? 'pending',
    scoreStatus: score?.status ?? 'pending',
    passed: score?.passed === true && score.status === 'passed',
    reason: score?.reason ?? attempt?.message ?? '',
    ...(attempt?.patchFile ? { patchFile: attempt.patchFile } : {}),
    ...(attempt?.trajectory ? { trajectory: attempt.trajectory } : {}),
    ...(attempt?.logFile ? { logFile: attempt.logFile } : {}),
    agentSeconds: attempt?.seconds ?? 0,
    scoreSeconds: score?.seconds ?? 0,
    cost: attempt?.cost ?? 0,
    inputTokens: attempt?.inputTokens ?? 0,
    outputTokens: attempt?.outputTokens ?? 0,
    measures: score?.measures ?? {},
  };
}

function taskStatus(rows: readonly SampleRow[], counted: number, passed: number): TaskResult['status'] {
  if (counted > 0) return passed === counted ? 'passed' : passed === 0 ? 'failed' : 'partial';
  for (const status of ['broken-task', 'environment-error', 'flaky'] as const) if (rows.some((item) => item.scoreStatus === status)) return status;
  return 'pending';
}

/** The result of `task` over `samples` samples from the journals. Only passed and failed samples count. */
export function taskResult(task: BenchTask, samples: number, attempts: ReadonlyMap<string, Attempt>, scores: ReadonlyMap<string, AttemptScore>): TaskResult {
  const rows = Array.from({ length: samples }, (_, sample) => row(sample, attempts.get(pairKey(task.id, sample)), scores.get(pairKey(task.id, sample))));
  const countedRows = rows.filter((item) => item.scoreStatus === 'passed' || item.scoreStatus === 'failed');
  const counted = countedRows.length;
  const passed = countedRows.filter((item) => item.passed).length;
  const sum = (pick: (item: SampleRow) => number) => rows.reduce((total, item) => total + pick(item), 0);
  return {
    id: task.id,
    family: task.family,
    scope: task.scope,
    complexity: task.complexity,
    autonomy: task.autonomy,
    language: task.language,
    suite: task.origin?.suite ?? 'tasks',
    status: taskStatus(rows, counted, passed),
    samples,
    counted,
    passed,
    passAtK: Object.fromEntries(Array.from({ length: counted }, (_, index) => [`pass@${index + 1}`, passAtK(counted, passed, index + 1)])),
    cost: sum((item) => item.cost),
    inputTokens: sum((item) => item.inputTokens),
    outputTokens: sum((item) => item.outputTokens),
    agentSeconds: sum((item) => item.agentSeconds),
    scoreSeconds: sum((item) => item.scoreSeconds),
    measures: meanMeasures(countedRows.map((item) => item.measures)),
    rows,
  };
}
