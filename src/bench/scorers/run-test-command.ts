/** Runs a task's `testCommand`: with `{tests}`, all ids at once and then one by one to name failures; without, once. */
import { describeFailure, runShell, shellQuote } from '../shell-command.ts';
import type { IdResult } from './test-ids.ts';

export interface CommandRunOptions {
  cwd: string;
  timeoutMs: number;
  signal: AbortSignal;
}

/** What running the tests came to: a result per id, or an environment problem (the command cannot run here). */
export type CommandOutcome = { results: IdResult[]; passedWithoutIds?: boolean } | { environment: string };

// 126: found but not executable; 127: not found. Either way the harness, not the attempt, is at fault.
const cannotRun = (code: number | null) => code === 126 || code === 127;

async function runOnce(command: string, options: CommandRunOptions): Promise<{ passed: boolean; message?: string; environment?: string }> {
  const result = await runShell(command, { cwd: options.cwd, timeoutMs: options.timeoutMs, signal: options.signal, maxOutputBytes: 256 * 1024 });
  if (result.spawnError || cannotRun(result.code)) return { passed: false, environment: describeFailure(command, result, options.timeoutMs) };
  if (result.code === 0 && !result.timedOut) return { passed: true };
  return { passed: false, message: describeFailure(command, result, options.timeoutMs) };
}

/**
 * `{tests}` is replaced by the shell-quoted ids. All ids run together first; when that fails, each id runs alone and
 * passes when its command exits 0. Without `{tests}` the command runs once and its exit code stands for every id.
 */
export async function runTestCommand(template: string, ids: readonly string[], options: CommandRunOptions): Promise<CommandOutcome> {
  const fill = (selected: readonly string[]) => template.replaceAll('{tests}', selected.map(shellQuote).join(' '));
  if (!template.includes('{tests}') || ids.length === 0) {
    const once = await runOnce(fill(ids), options);
    if (once.environment) return { environment: once.environment };
    return { results: ids.map((id) => ({ id, passed: once.passed, ...(once.message ? { message: once.message } : {}) })), passedWithoutIds: once.passed };
  }
  const together = await runOnce(fill(ids), options);
  if (together.environment) return { environment: together.environment };
  if (together.passed) return { results: ids.map((id) => ({ id, passed: true })) };
  const results: IdResult[] = [];
  for (const id of ids) {
    const alone = await runOnce(fill([id]), options);
    if (alone.environment) return { environment: alone.environment };
    results.push({ id, passed: alone.passed, ...(alone.message ? { message: alone.message } : {}) });
  }
  return { results };
}
