/** Helpers of the engine tests: a bench root and scratch folder per test, a run with the tests scorer, process checks. */
import { existsSync, readFileSync } from 'node:fs';
import { runBench, type BenchRunOptions } from '../../src/bench/run/run-bench.ts';
import { readBenchRun } from '../../src/bench/run/open-bench-run.ts';
import { summarizeRun } from '../../src/bench/score/summarize-run.ts';
import { testsScorer } from '../../src/bench/scorers/tests-scorer.ts';
import { benchTaskSchema, type BenchTaskInput } from '../../src/bench/task-schema.ts';
import { createFixture } from '../helpers/fixture.ts';
import { scratchFolder } from './bench-fixture.ts';

/** Removes what `setup` made; call it in afterEach. */
export const cleanups: (() => void)[] = [];

/** A bench root and a scratch folder, removed after the test. */
export function setup() {
  const root = createFixture({});
  const scratch = scratchFolder();
  cleanups.push(() => root.remove(), () => scratch.remove());
  return { root: root.root, scratch };
}

/** Runs `tasks` with `agent` and the generic tests scorer, and summarizes the run. */
export async function bench(root: string, tasks: BenchTaskInput[], agent: string, options: Partial<BenchRunOptions> = {}) {
  const outcome = await runBench({ root, tasks: tasks.map((task) => benchTaskSchema.parse(task)), suite: 'fixture', agent, scorers: [testsScorer], measures: [], minFreeBytes: 0, ...options });
  return { outcome, summary: summarizeRun(readBenchRun(root, outcome.id)) };
}

/** False for a process that has exited, or is a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}
