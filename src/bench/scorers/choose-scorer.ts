/** Picks a task's scorer and measures from a list: the first scorer that accepts the task, every measure that does. */
import type { BenchTask } from '../task-schema.ts';
import type { BenchMeasure, BenchScorer } from '../types.ts';

/** The scorer of `task`, or undefined when none accepts it (the score is then an environment-error). */
export function scorerFor(task: BenchTask, scorers: readonly BenchScorer[]): BenchScorer | undefined {
  return scorers.find((scorer) => scorer.accepts(task));
}

/** The measures that accept `task`. */
export function measuresFor(task: BenchTask, measures: readonly BenchMeasure[]): BenchMeasure[] {
  return measures.filter((measure) => measure.accepts(task));
}
