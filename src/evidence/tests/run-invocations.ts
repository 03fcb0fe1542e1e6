/** Starts a run's processes side by side, a few at a time, all under one deadline. */
import { availableParallelism } from 'node:os';
import { runProcess, type RunResult } from '../../core/process.ts';
import { childEnvironment } from './child-environment.ts';
import type { Invocation } from './runner-adapter.ts';

/** Where and how long to run. */
export interface InvocationOptions {
  program: string;
  cwd: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

function notStarted(): RunResult {
  return { code: null, signal: null, stdout: '', stderr: '', timedOut: true, truncated: false, durationMs: 0 };
}

/** Results in the order of `invocations`; those the deadline leaves no time for count as timed out. */
export async function runInvocations(invocations: readonly Invocation[], options: InvocationOptions): Promise<RunResult[]> {
  const deadline = performance.now() + options.timeoutMs;
  const results: RunResult[] = new Array<RunResult>(invocations.length);
  let next = 0;
  const worker = async () => {
    while (next < invocations.length) {
      const index = next++;
      const invocation = invocations[index]!;
      const remaining = Math.floor(deadline - performance.now());
      results[index] =
        remaining <= 0
          ? notStarted()
          : await runProcess(options.program, invocation.args, {
              cwd: options.cwd,
              env: childEnvironment(invocation.env),
              timeoutMs: remaining,
              signal: options.signal,
              maxOutputBytes: 1024 * 1024,
            });
    }
  };
  // At least two at once, so that one hanging file does not starve the others.
  const width = Math.min(invocations.length, Math.max(2, availableParallelism()));
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}
