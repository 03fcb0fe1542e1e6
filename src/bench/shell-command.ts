/** Runs a command line of a task or an external agent through `/bin/sh -c`, with a timeout and process-group kill. */
import type { RunResult } from '../core/process.ts';
import { runProcess } from '../core/process.ts';

export interface ShellOptions {
  cwd: string;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  maxOutputBytes?: number;
}

/** Runs `commandLine` in a shell; never rejects (look at `code`, `timedOut`, `spawnError`). */
export function runShell(commandLine: string, options: ShellOptions): Promise<RunResult> {
  return runProcess('/bin/sh', ['-c', commandLine], {
    cwd: options.cwd,
    timeoutMs: options.timeoutMs,
    ...(options.env ? { env: options.env } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    maxOutputBytes: options.maxOutputBytes ?? 1024 * 1024,
  });
}

/** `'text'` for a POSIX shell, so that test ids and paths reach the command as one word each. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The last non-empty lines of a command's output, for messages. */
export function outputTail(result: Pick<RunResult, 'stdout' | 'stderr'>, lines = 3): string {
  const text = `${result.stdout}\n${result.stderr}`.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return text.slice(-lines).join(' | ').slice(0, 400);
}

/** Why a command did not succeed, in words: timed out, could not start, or its exit code and last lines. */
export function describeFailure(commandLine: string, result: RunResult, timeoutMs: number): string {
  if (result.spawnError) return `\`${commandLine}\` could not start: ${result.spawnError.message}`;
  if (result.timedOut) return `\`${commandLine}\` was killed at its time limit of ${Math.round(timeoutMs / 1000)} s`;
  const tail = outputTail(result);
  return `\`${commandLine}\` failed (${result.code === null ? `signal ${result.signal}` : `exit code ${result.code}`})${tail ? `: ${tail}` : ''}`;
}
