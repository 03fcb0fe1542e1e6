/** Runs an agent on a task within the task's time limit: its signal aborts at the limit, and an agent that will not stop is abandoned. */
import type { Logger } from '../../core/logger.ts';
import type { BenchTask } from '../task-schema.ts';
import type { Attempt, BenchAgent } from '../types.ts';

export interface AttemptLimitOptions {
  sample: number;
  logDirectory: string;
  /** The run's own signal (Ctrl-C): aborts the agent too. */
  signal: AbortSignal;
  /** How long an agent gets to return after its signal aborted, ms. */
  graceMs: number;
  logger?: Logger;
}

function stopped(task: BenchTask, sample: number, agent: string, message: string): Attempt {
  return { taskId: task.id, sample, agent, status: 'timeout', patch: '', answer: '', message, seconds: task.limits.seconds, inputTokens: 0, outputTokens: 0, cost: 0 };
}

/**
 * Calls `agent.doAttempt` with a signal that aborts at `task.limits.seconds` (agents kill their process groups on it).
 * An agent still running `graceMs` later is abandoned as a timeout; one that throws is an agent-error. `seconds` is
 * the wall time measured here.
 */
export async function attemptWithLimits(agent: BenchAgent, task: BenchTask, worktree: string, options: AttemptLimitOptions): Promise<Attempt> {
  const limitMs = task.limits.seconds * 1000;
  const controller = new AbortController();
  const onRunAbort = () => controller.abort();
  options.signal.addEventListener('abort', onRunAbort, { once: true });
  const limitTimer = setTimeout(() => controller.abort(), limitMs);
  let graceTimer: NodeJS.Timeout | undefined;
  const abandoned = new Promise<Attempt>((resolve) => {
    controller.signal.addEventListener('abort', () => {
      graceTimer = setTimeout(() => resolve(stopped(task, options.sample, agent.name, `did not stop within ${Math.round(options.graceMs / 1000)} s of its time limit of ${task.limits.seconds} s; abandoned`)), options.graceMs);
    }, { once: true });
  });
  const started = performance.now();
  try {
    const working = agent
      .doAttempt(task, worktree, { sample: options.sample, signal: controller.signal, logDirectory: options.logDirectory, timeoutMs: limitMs, ...(options.logger ? { logger: options.logger } : {}) })
      .catch((error: unknown): Attempt => ({ ...stopped(task, options.sample, agent.name, `the agent failed: ${error instanceof Error ? error.message : String(error)}`), status: 'agent-error', seconds: 0 }));
    const attempt = await Promise.race([working, abandoned]);
    const seconds = (performance.now() - started) / 1000;
    // Returning normally after the limit still means the limit was reached.
    if (controller.signal.aborted && !options.signal.aborted && attempt.status === 'done') return { ...attempt, status: 'timeout', message: `stopped at the time limit of ${task.limits.seconds} s`, seconds };
    return { ...attempt, seconds };
  } finally {
    clearTimeout(limitTimer);
    clearTimeout(graceTimer);
    options.signal.removeEventListener('abort', onRunAbort);
  }
}
