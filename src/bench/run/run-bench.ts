/** `bench run`: every task's samples through the agent and the scorer, N at a time, journaled so that a run can resume. */
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeJsonAtomic } from '../../core/write-atomic.ts';
import { CodewrightError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { silentLogger } from '../../core/logger.ts';
import { ownerFile, writeOwner } from '../../evidence/workspace/run-owner.ts';
import { resolveAgent } from '../agents/resolve-agent.ts';
import type { CodewrightAgentOptions } from '../agents/codewright-agent.ts';
import type { BenchTask } from '../task-schema.ts';
import type { Attempt, AttemptScore, BenchAgent, BenchMeasure, BenchScorer } from '../types.ts';
import { benchFiles, pairKey, type BenchRunStatus } from './bench-run-record.ts';
import { defaultMinFreeBytes } from './disk-space.ts';
import { startOrResume } from './start-or-resume.ts';
import { runPair, type PairSettings } from './run-pair.ts';
import { runPool } from './worker-pool.ts';

export interface BenchRunOptions {
  /** The folder whose `.codewright/bench/` holds runs; relative task repositories resolve against it. */
  root: string;
  /** A .jsonl task file or `<adapter>:<path>` (a new run). */
  suite?: string;
  /** Tasks given directly instead of loading `suite` (which then only labels the run). */
  tasks?: BenchTask[];
  /** `codewright`, `reference`, `empty` or a command line (a new run). */
  agent?: string;
  /** Continue this run: its agent, samples and tasks are kept; pairs already scored are skipped. */
  resume?: string;
  workers?: number;
  samples?: number;
  limit?: number;
  model?: string;
  codewright?: Omit<CodewrightAgentOptions, 'model' | 'configRoot'>;
  /** Stop before a task when less than this is free (default 1 GiB). */
  minFreeBytes?: number;
  /** Scorings that must agree (default 2); see scoreAttempt. */
  scoreRuns?: number;
  setupTimeoutMs?: number;
  testTimeoutMs?: number;
  gitTimeoutMs?: number;
  graceMs?: number;
  keepWorktrees?: boolean;
  /** Default: every suite's scorers and measures (scorers/registry.ts). */
  scorers?: readonly BenchScorer[];
  measures?: readonly BenchMeasure[];
  /** Use this agent instead of resolving `agent` (tests, embedders). */
  agentInstance?: BenchAgent;
  logger?: Logger;
  onProgress?: (event: BenchProgress) => void;
  signal?: AbortSignal;
}

export type BenchProgress =
  | { type: 'run-start'; id: string; directory: string; agent: string; pairs: number; alreadyScored: number; resumed: boolean }
  | { type: 'pair-end'; taskId: string; sample: number; attempt: Attempt; score: AttemptScore; done: number; total: number };

export interface BenchRunOutcome {
  id: string;
  directory: string;
  status: BenchRunStatus;
  reason?: string;
  /** Task samples in the run, and how many are scored now. */
  pairs: number;
  scored: number;
}

/**
 * Runs (or resumes) a bench run. Each (task, sample) not yet scored runs in its own checkout under `work/`; its
 * attempt and score are each appended to the journals once complete, so an interrupted run resumes where it stopped
 * and counts nothing twice. Stops before a task when the disk is nearly full (status `stopped`, with the reason).
 */
export async function runBench(options: BenchRunOptions): Promise<BenchRunOutcome> {
  const root = resolve(options.root);
  const logger = options.logger ?? silentLogger;
  const opened = await startOrResume(options, root);
  const { directory, record } = opened;
  writeOwner(directory, 'owner');
  writeJsonAtomic(join(directory, benchFiles.record), record);
  const signal = options.signal ?? new AbortController().signal;
  const registry = options.scorers && options.measures ? undefined : await import('../scorers/registry.ts');
  const settings: PairSettings = {
    runId: record.id,
    runDirectory: directory,
    agent: options.agentInstance ?? resolveAgent(record.agent, { ...options.codewright, ...(record.model ? { model: record.model } : {}), configRoot: root }),
    scorers: options.scorers ?? registry!.benchScorers,
    measures: options.measures ?? registry!.benchMeasures,
    baseDirectory: root,
    minFreeBytes: options.minFreeBytes ?? defaultMinFreeBytes,
    gitTimeoutMs: options.gitTimeoutMs ?? 120_000,
    setupTimeoutMs: options.setupTimeoutMs ?? 1_800_000,
    testTimeoutMs: options.testTimeoutMs ?? 600_000,
    scoreRuns: options.scoreRuns ?? 2,
    graceMs: options.graceMs ?? 30_000,
    keepWorktrees: options.keepWorktrees ?? false,
    signal,
    logger,
  };
  const pending = opened.tasks.flatMap((task) => Array.from({ length: record.samples }, (_, sample) => ({ task, sample, key: pairKey(task.id, sample) }))).filter((pair) => !opened.scores.has(pair.key));
  const total = opened.tasks.length * record.samples;
  let scored = total - pending.length;
  options.onProgress?.({ type: 'run-start', id: record.id, directory, agent: record.agent, pairs: total, alreadyScored: scored, resumed: Boolean(options.resume) });
  let status: BenchRunStatus = 'done';
  let reason: string | undefined;
  try {
    await runPool(pending, record.workers, async ({ task, sample, key }) => {
      const result = await runPair(settings, task, sample, opened.attempts.get(key));
      if (!result) return;
      scored++;
      options.onProgress?.({ type: 'pair-end', taskId: task.id, sample, attempt: result.attempt, score: result.score, done: scored, total });
    }, () => signal.aborted);
  } catch (error) {
    if (!CodewrightError.isInstance(error) || error.code !== 'DISK_FULL') throw error;
    status = 'stopped';
    reason = error.message;
  } finally {
    if (signal.aborted && status === 'done') status = 'interrupted';
    if (status === 'done' && scored < total) status = 'interrupted';
    writeJsonAtomic(join(directory, benchFiles.record), { ...record, status, ...(reason ? { reason } : {}), endedAt: new Date().toISOString() });
    rmSync(ownerFile(directory, 'owner'), { force: true });
    if (readdirSafe(join(directory, benchFiles.work)).length === 0) rmSync(join(directory, benchFiles.work), { recursive: true, force: true });
  }
  return { id: record.id, directory, status, ...(reason ? { reason } : {}), pairs: total, scored };
}

function readdirSafe(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
