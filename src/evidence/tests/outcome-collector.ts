/** Gathers test outcomes as a run reports them, keeping the worst per test and spotting tests cut off by a timeout. */
import type { TestOutcome, TestStatus } from './types.ts';

const rank: Record<TestStatus, number> = { skip: 0, pass: 1, timeout: 2, fail: 3 };

/** Collects starts and results; `finish` turns them into outcomes. */
export interface OutcomeCollector {
  start(file: string, name: string): void;
  /** Marks a started entry that reports no outcome of its own (a suite) as finished. */
  end(file: string, name: string): void;
  add(outcome: TestOutcome): void;
  /** Outcomes; with `timeout`, tests that started without a result, and requested files without any, time out. */
  finish(timeout?: { message: string; files: readonly string[] | 'all' }): TestOutcome[];
}

/** A new, empty collector. */
export function createOutcomeCollector(): OutcomeCollector {
  const outcomes = new Map<string, TestOutcome>();
  const started = new Map<string, { file: string; name: string }>();
  const key = (file: string, name: string) => `${file}\u0000${name}`;
  return {
    start(file, name) {
      started.set(key(file, name), { file, name });
    },
    end(file, name) {
      started.delete(key(file, name));
    },
    add(outcome) {
      const id = key(outcome.file, outcome.name);
      const previous = outcomes.get(id);
      if (!previous || rank[outcome.status] > rank[previous.status]) outcomes.set(id, outcome);
    },
    finish(timeout) {
      if (timeout) {
        for (const [id, { file, name }] of started) {
          if (!outcomes.has(id)) outcomes.set(id, { file, name, status: 'timeout', message: timeout.message });
        }
        const reported = new Set([...outcomes.values()].map((outcome) => outcome.file));
        const unfinished = [...started.values()].map((test) => test.file);
        const begun = new Set(unfinished);
        for (const file of timeout.files === 'all' ? unfinished : timeout.files) {
          if (reported.has(file)) continue;
          const outcome: TestOutcome = { file, name: '(file)', status: 'timeout', message: timeout.message };
          outcomes.set(key(file, '(file)'), begun.has(file) ? outcome : { ...outcome, unreported: true });
        }
      }
      return [...outcomes.values()];
    },
  };
}
