/** The generic scorer: applies the test patch, runs fail-to-pass and pass-to-pass tests; resolved when all of them pass. */
import type { BenchTask } from '../task-schema.ts';
import type { Attempt, AttemptScore, BenchScorer, BenchScorerOptions } from '../types.ts';
import { runDetectedTests } from './run-detected-tests.ts';
import { runTestCommand } from './run-test-command.ts';
import { applyTestPatch } from './test-patch.ts';
import type { IdResult } from './test-ids.ts';

function failures(results: readonly IdResult[], ids: readonly string[]): IdResult[] {
  const wanted = new Set(ids);
  return results.filter((result) => wanted.has(result.id) && !result.passed);
}

function listed(kind: string, failed: readonly IdResult[]): string {
  const shown = failed.slice(0, 5).map((result) => `${result.id}${result.message ? ` (${result.message})` : ''}`);
  return `${kind} failing: ${shown.join('; ')}${failed.length > 5 ? `; and ${failed.length - 5} more` : ''}`;
}

/** Scores an attempt by the task's tests; the worktree holds the base and the attempt's patch. */
export async function scoreWithTests(task: BenchTask, attempt: Attempt, worktree: string, options: BenchScorerOptions): Promise<AttemptScore> {
  const started = performance.now();
  const { failToPass, passToPass, testPatch, testCommand } = task.scoring;
  const score = (fields: Pick<AttemptScore, 'passed' | 'status' | 'reason'> & { measures?: Record<string, number> }): AttemptScore => ({
    taskId: task.id,
    sample: attempt.sample,
    measures: {},
    ...fields,
    seconds: (performance.now() - started) / 1000,
  });
  if (testPatch) {
    const applied = await applyTestPatch(worktree, options.base ?? 'HEAD', testPatch, options.timeoutMs);
    if (!applied.success) return score({ passed: false, status: 'failed', reason: applied.error });
  }
  const ids = [...new Set([...failToPass, ...passToPass])];
  const run = { cwd: worktree, timeoutMs: options.timeoutMs, signal: options.signal };
  const outcome = testCommand ? await runTestCommand(testCommand, ids, run) : await runDetectedTests(ids, run);
  if ('environment' in outcome) return score({ passed: false, status: 'environment-error', reason: outcome.environment });
  if (ids.length === 0) {
    const passed = outcome.passedWithoutIds === true;
    return score({ passed, status: passed ? 'passed' : 'failed', reason: passed ? 'the test command passes' : `the test command fails` });
  }
  const failedF2P = failures(outcome.results, failToPass);
  const failedP2P = failures(outcome.results, passToPass);
  const measures: Record<string, number> = {
    ...(failToPass.length > 0 ? { failToPassRate: (failToPass.length - failedF2P.length) / failToPass.length } : {}),
    ...(passToPass.length > 0 ? { passToPassRate: (passToPass.length - failedP2P.length) / passToPass.length } : {}),
  };
  if (failedF2P.length === 0 && failedP2P.length === 0) {
    return score({ passed: true, status: 'passed', reason: `${failToPass.length} fail-to-pass and ${passToPass.length} pass-to-pass tests pass`, measures });
  }
  const reason = [failedF2P.length > 0 ? listed('fail-to-pass', failedF2P) : '', failedP2P.length > 0 ? listed('pass-to-pass', failedP2P) : ''].filter(Boolean).join('; ');
  return score({ passed: false, status: 'failed', reason, measures });
}

/** Accepts every task that names tests or a test command. */
export const testsScorer: BenchScorer = {
  specificationVersion: 'v1',
  name: 'tests',
  accepts: (task) => task.scoring.failToPass.length + task.scoring.passToPass.length > 0 || task.scoring.testCommand !== undefined,
  doScore: scoreWithTests,
};
