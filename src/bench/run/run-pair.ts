/** One sample of one task: disk check, checkout and setup, the agent within its limits, the score; each journaled once complete. */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Logger } from '../../core/logger.ts';
import type { BenchTask } from '../task-schema.ts';
import type { Attempt, AttemptScore, BenchAgent, BenchMeasure, BenchScorer } from '../types.ts';
import { benchFiles, pairFolder } from './bench-run-record.ts';
import { checkFreeSpace } from './disk-space.ts';
import { appendRecord } from './journal.ts';
import { attemptWithLimits } from './attempt-with-limits.ts';
import { prepareWorkspace } from './prepare-workspace.ts';
import { scoreAttempt, scoreWithoutScorer } from './score-attempt.ts';
import { workspacePatch } from './workspace-git.ts';

/** What every pair of a run shares. */
export interface PairSettings {
  runId: string;
  runDirectory: string;
  agent: BenchAgent;
  scorers: readonly BenchScorer[];
  measures: readonly BenchMeasure[];
  /** Relative repository paths of tasks are resolved against this folder. */
  baseDirectory: string;
  minFreeBytes: number;
  gitTimeoutMs: number;
  setupTimeoutMs: number;
  testTimeoutMs: number;
  scoreRuns: number;
  /** Time an agent gets to stop after its limit before the attempt is abandoned, ms. */
  graceMs: number;
  keepWorktrees: boolean;
  signal: AbortSignal;
  logger: Logger;
}

function blankAttempt(task: BenchTask, sample: number, agent: string, fields: Partial<Attempt>): Attempt {
  return { taskId: task.id, sample, agent, status: 'done', patch: '', answer: '', seconds: 0, inputTokens: 0, outputTokens: 0, cost: 0, ...fields };
}

function recordedPath(runDirectory: string, logDirectory: string, path: string | undefined): string | undefined {
  if (!path) return undefined;
  const absolute = isAbsolute(path) ? path : join(logDirectory, path);
  return existsSync(absolute) ? relative(runDirectory, absolute) : undefined;
}

function overLimit(task: BenchTask, attempt: Attempt): string | undefined {
  const tokens = attempt.inputTokens + attempt.outputTokens;
  if (task.limits.cost !== undefined && attempt.cost > task.limits.cost) return `spent $${attempt.cost.toFixed(4)}, over the task's limit of $${task.limits.cost}`;
  if (task.limits.tokens !== undefined && tokens > task.limits.tokens) return `used ${tokens} tokens, over the task's limit of ${task.limits.tokens}`;
  return undefined;
}

/** Writes the patch and answer beside the log, and makes every file path relative to the run folder. */
function recordAttempt(settings: PairSettings, logDirectory: string, attempt: Attempt): Attempt {
  if (attempt.patch !== '') writeFileSync(join(logDirectory, 'patch.diff'), attempt.patch);
  if (attempt.answer !== '') writeFileSync(join(logDirectory, 'answer.txt'), attempt.answer);
  const trajectory = recordedPath(settings.runDirectory, logDirectory, attempt.trajectory);
  const logFile = recordedPath(settings.runDirectory, logDirectory, attempt.logFile);
  const { trajectory: _trajectory, logFile: _logFile, patchFile: _patchFile, ...rest } = attempt;
  const recorded: Attempt = { ...rest, ...(attempt.patch !== '' ? { patchFile: relative(settings.runDirectory, join(logDirectory, 'patch.diff')) } : {}), ...(trajectory ? { trajectory } : {}), ...(logFile ? { logFile } : {}) };
  appendRecord(join(settings.runDirectory, benchFiles.attempts), recorded);
  return recorded;
}

/**
 * Runs `sample` of `task`, or only scores `existing` (an attempt journaled before an interruption). Returns undefined
 * when the run was interrupted before the pair finished: nothing of it is journaled beyond what was complete.
 * Throws DISK_FULL (before any work) when the disk is below the threshold.
 */
export async function runPair(settings: PairSettings, task: BenchTask, sample: number, existing?: Attempt): Promise<{ attempt: Attempt; score: AttemptScore } | undefined> {
  checkFreeSpace(settings.runDirectory, settings.minFreeBytes, settings.runId);
  const folder = pairFolder(task.id, sample);
  const logDirectory = join(settings.runDirectory, benchFiles.attemptsFolder, folder);
  const workDirectory = join(settings.runDirectory, benchFiles.work, folder);
  mkdirSync(logDirectory, { recursive: true });
  const finish = (attempt: Attempt, score: AttemptScore) => {
    appendRecord(join(settings.runDirectory, benchFiles.scores), score);
    return { attempt, score };
  };
  if (task.broken) {
    const attempt = existing ?? recordAttempt(settings, logDirectory, blankAttempt(task, sample, settings.agent.name, { status: 'skipped', message: task.broken }));
    return finish(attempt, scoreWithoutScorer(task, attempt)!);
  }
  try {
    const prepared = await prepareWorkspace(task, workDirectory, { baseDirectory: settings.baseDirectory, repositoriesDirectory: join(settings.runDirectory, '..', 'repositories'), gitTimeoutMs: settings.gitTimeoutMs, setupTimeoutMs: settings.setupTimeoutMs, signal: settings.signal });
    if (settings.signal.aborted) return undefined;
    if (!prepared.success) {
      const attempt = existing ?? recordAttempt(settings, logDirectory, blankAttempt(task, sample, settings.agent.name, { status: 'environment-error', message: prepared.error }));
      return finish(attempt, { taskId: task.id, sample, passed: false, status: 'environment-error', reason: prepared.error, measures: {}, seconds: 0 });
    }
    const workspace = prepared.value;
    let attempt = existing;
    if (!attempt) {
      const made = await attemptWithLimits(settings.agent, task, workspace.root, { sample, logDirectory, signal: settings.signal, graceMs: settings.graceMs, logger: settings.logger });
      if (settings.signal.aborted) return undefined;
      const patch = made.patch !== '' ? made.patch : await workspacePatch(workspace, settings.gitTimeoutMs);
      const limit = made.status === 'done' ? overLimit(task, made) : undefined;
      attempt = recordAttempt(settings, logDirectory, { ...made, patch, ...(limit ? { status: 'limit', message: limit } : {}) });
    }
    const score = await scoreAttempt(task, attempt, workspace, { scorers: settings.scorers, measures: settings.measures, testTimeoutMs: settings.testTimeoutMs, gitTimeoutMs: settings.gitTimeoutMs, runs: settings.scoreRuns, signal: settings.signal, logger: settings.logger });
    if (settings.signal.aborted) return undefined;
    return finish(attempt, score);
  } finally {
    if (!settings.keepWorktrees) rmSync(workDirectory, { recursive: true, force: true });
  }
}
