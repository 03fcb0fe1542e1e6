/** Runs a task's test ids with the runner detected in its worktree (node:test, vitest, jest, mocha, tap, pytest). */
import { detectRunners, runTestFiles } from '../../evidence/tests/index.ts';
import { listWorktreeFiles } from '../../evidence/tests/list-files.ts';
import { matchIds, splitTestId, type IdResult } from './test-ids.ts';
import type { CommandOutcome, CommandRunOptions } from './run-test-command.ts';

/** Runs the files the ids name with the worktree's runner for their language, and matches the outcomes to the ids. */
export async function runDetectedTests(ids: readonly string[], options: CommandRunOptions): Promise<CommandOutcome> {
  const files = [...new Set(ids.map((id) => splitTestId(id).file))];
  const language = files.every((file) => file.endsWith('.py')) ? 'python' : 'javascript';
  const listed = await listWorktreeFiles(options.cwd, options.timeoutMs);
  const detections = await detectRunners(options.cwd, options.cwd, listed);
  const detection = detections.find((item) => (item.status === 'found' ? item.runner.language : item.language) === language);
  if (!detection || detection.status !== 'found') return { environment: detection?.reason ?? `no ${language} test runner found in the task's worktree; give the task a testCommand` };
  const run = await runTestFiles(detection.runner, options.cwd, files, { timeoutMs: options.timeoutMs, signal: options.signal });
  if (run.outcomes.length === 0 && run.error?.startsWith('could not start')) return { environment: run.error };
  const results: IdResult[] = matchIds(ids, run.outcomes).map((result) => (!result.passed && result.message === 'not run' && run.error ? { ...result, message: run.error } : result));
  return { results };
}
