/** The shape of a bench run's summary: per task, per group (family, scope, complexity, autonomy, language, suite), overall. */
import type { AttemptStatus, ScoreStatus } from '../types.ts';

/** One sample of a task as reports show it. */
export interface SampleRow {
  sample: number;
  attemptStatus: AttemptStatus | 'pending';
  scoreStatus: ScoreStatus | 'pending';
  passed: boolean;
  reason: string;
  /** Files relative to the run folder. */
  patchFile?: string;
  trajectory?: string;
  logFile?: string;
  agentSeconds: number;
  scoreSeconds: number;
  cost: number;
  inputTokens: number;
  outputTokens: number;
  measures: Record<string, number>;
}

/** A task over its samples: counted samples are passed or failed; the rest are excluded and say why. */
export interface TaskResult {
  id: string;
  family: string;
  scope: string;
  complexity: string;
  autonomy: string;
  language: string;
  suite: string;
  /** passed: every counted sample passed; failed: none did; partial: some; otherwise why nothing counts. */
  status: 'passed' | 'failed' | 'partial' | 'flaky' | 'environment-error' | 'broken-task' | 'pending';
  samples: number;
  counted: number;
  passed: number;
  /** `pass@1`, `pass@2`, … up to the counted samples. */
  passAtK: Record<string, number>;
  cost: number;
  inputTokens: number;
  outputTokens: number;
  agentSeconds: number;
  scoreSeconds: number;
  /** Means over counted samples. */
  measures: Record<string, number>;
  rows: SampleRow[];
}

/** Rates and spend of a set of tasks. Rates are over counted tasks; spend over every attempt made. */
export interface GroupSummary {
  tasks: number;
  /** Tasks with at least one counted sample. */
  counted: number;
  /** Samples left out of rates, by reason. */
  excluded: { flaky: number; environmentError: number; brokenTask: number; pending: number };
  /** Mean over counted tasks of passed/counted samples (pass@1); null when nothing counts. */
  resolveRate: number | null;
  passAtK: Record<string, number>;
  cost: { total: number; perTask: number };
  tokens: { input: number; output: number; perTask: number };
  seconds: { agent: number; score: number; perTask: number };
  /** Means over counted samples of each family-specific measure. */
  measures: Record<string, number>;
}

export type GroupDimension = 'family' | 'scope' | 'complexity' | 'autonomy' | 'language' | 'suite';

export interface BenchSummary {
  run: { id: string; suite: string; agent: string; model?: string; samples: number; status: string; startedAt: string; endedAt?: string };
  overall: GroupSummary;
  by: Record<GroupDimension, Record<string, GroupSummary>>;
  tasks: TaskResult[];
  /** Samples reported rather than counted, with the reason. */
  excluded: { taskId: string; sample: number; status: string; reason: string }[];
}
