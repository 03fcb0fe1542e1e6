/** Scores one attempt: the task's scorer on the base plus the patch, scored again to catch flaky tests, then the measures. */
import type { Logger } from '../../core/logger.ts';
import { silentLogger } from '../../core/logger.ts';
import { measuresFor, scorerFor } from '../scorers/choose-scorer.ts';
import type { BenchTask } from '../task-schema.ts';
import type { Attempt, AttemptScore, BenchMeasure, BenchScorer } from '../types.ts';
import { applyPatch, resetWorkspace, type TaskWorkspace } from './workspace-git.ts';

export interface ScoreAttemptOptions {
  scorers: readonly BenchScorer[];
  measures: readonly BenchMeasure[];
  /** Time limit of one test run, ms. */
  testTimeoutMs: number;
  gitTimeoutMs: number;
  /** Scorings that must agree before a result stands (default 2: the result and one confirmation). */
  runs?: number;
  /** Further scorings when they disagree (default 3); mixed results make the score flaky. */
  reruns?: number;
  signal: AbortSignal;
  logger?: Logger;
}

function verdict(task: BenchTask, attempt: Attempt, fields: Pick<AttemptScore, 'passed' | 'status' | 'reason'>): AttemptScore {
  return { taskId: task.id, sample: attempt.sample, measures: {}, seconds: 0, ...fields };
}

/** What an attempt that never reached a scorer scores: broken task, environment-error, or failed with the agent's trouble. */
export function scoreWithoutScorer(task: BenchTask, attempt: Attempt): AttemptScore | undefined {
  if (attempt.status === 'skipped') return verdict(task, attempt, { passed: false, status: 'broken-task', reason: `broken upstream: ${task.broken ?? 'no reason given'}` });
  if (attempt.status === 'environment-error') return verdict(task, attempt, { passed: false, status: 'environment-error', reason: attempt.message ?? 'the environment failed' });
  if (attempt.status !== 'done') return verdict(task, attempt, { passed: false, status: 'failed', reason: `agent ${attempt.status}${attempt.message ? `: ${attempt.message}` : ''}` });
  return undefined;
}

async function scoreOnce(scorer: BenchScorer, task: BenchTask, attempt: Attempt, workspace: TaskWorkspace, options: ScoreAttemptOptions): Promise<AttemptScore> {
  await resetWorkspace(workspace, options.gitTimeoutMs);
  const applied = await applyPatch(workspace, attempt.patch, options.gitTimeoutMs);
  if (!applied.success) return verdict(task, attempt, { passed: false, status: 'failed', reason: `the attempt's patch does not apply: ${applied.error}` });
  try {
    return await scorer.doScore(task, attempt, workspace.root, { signal: options.signal, timeoutMs: options.testTimeoutMs, base: workspace.base, ...(options.logger ? { logger: options.logger } : {}) });
  } catch (error) {
    return verdict(task, attempt, { passed: false, status: 'environment-error', reason: `the ${scorer.name ?? 'task'} scorer failed: ${error instanceof Error ? error.message : String(error)}` });
  }
}

async function addMeasures(score: AttemptScore, task: BenchTask, attempt: Attempt, workspace: TaskWorkspace, options: ScoreAttemptOptions): Promise<void> {
  for (const measure of measuresFor(task, options.measures)) {
    try {
      await resetWorkspace(workspace, options.gitTimeoutMs);
      const applied = await applyPatch(workspace, attempt.patch, options.gitTimeoutMs);
      if (!applied.success) continue;
      Object.assign(score.measures, await measure.doMeasure(task, attempt, workspace.root, { signal: options.signal, timeoutMs: options.testTimeoutMs, base: workspace.base }));
    } catch (error) {
      (options.logger ?? silentLogger).warn(`codewright: the ${measure.name} measure failed on ${task.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * Scores `attempt` in `workspace`. Each scoring starts from the base with the patch applied. The result must be
 * confirmed by a second scoring; when the two disagree the task is scored `reruns` more times, and a mix of passes
 * and failures makes the score `flaky`: reported with the counts, excluded from rates, never counted as passed.
 */
export async function scoreAttempt(task: BenchTask, attempt: Attempt, workspace: TaskWorkspace, options: ScoreAttemptOptions): Promise<AttemptScore> {
  const early = scoreWithoutScorer(task, attempt);
  if (early) return early;
  const scorer = scorerFor(task, options.scorers);
  if (!scorer) return verdict(task, attempt, { passed: false, status: 'environment-error', reason: 'no scorer accepts this task: give it tests (failToPass, passToPass, testCommand) or a checker' });
  const started = performance.now();
  const first = await scoreOnce(scorer, task, attempt, workspace, options);
  if (first.status === 'environment-error' || first.status === 'broken-task') return { ...first, seconds: (performance.now() - started) / 1000 };
  const results = [first];
  for (let run = 1; run < (options.runs ?? 2) && !options.signal.aborted; run++) results.push(await scoreOnce(scorer, task, attempt, workspace, options));
  if (results.some((result) => result.passed !== first.passed)) {
    for (let run = 0; run < (options.reruns ?? 3) && !options.signal.aborted; run++) results.push(await scoreOnce(scorer, task, attempt, workspace, options));
  }
  const passes = results.filter((result) => result.passed).length;
  let score: AttemptScore = first;
  if (passes > 0 && passes < results.length) {
    const failing = results.find((result) => !result.passed)!;
    score = { ...first, passed: false, status: 'flaky', reason: `flaky: passed ${passes} of ${results.length} scorings (when failing: ${failing.reason})`, measures: { ...first.measures, flakyPasses: passes, flakyScorings: results.length } };
  }
  score = { ...score, measures: { ...score.measures } };
  await addMeasures(score, task, attempt, workspace, options);
  return { ...score, seconds: (performance.now() - started) / 1000 };
}
