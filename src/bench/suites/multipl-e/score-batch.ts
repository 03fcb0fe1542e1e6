/**
 * Scores MultiPL-E TypeScript completions in batches: every program of a batch is type-checked by one tsc
 * (split into one batch per worker), then each emitted test file runs in its own node process. A task passes
 * when its file has no type error (as in MultiPL-E, where a tsc failure fails the completion) and node exits 0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProcess } from '../../../core/process.ts';
import type { AttemptScore } from '../../types.ts';
import { itemScore, type BatchScoreOptions, type ScoreItem } from '../batch-score.ts';
import { candidateText } from './candidate-text.ts';
import { compileBatch, type CompiledBatch } from './compile-batch.ts';
import { mapLimit } from './map-limit.ts';
import { programFor } from './prompt-text.ts';

interface Runnable {
  index: number;
  file: string;
  program: string;
}

function failureLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim());
  return (lines.find((line) => /^\w*Error\b|^Error \[|\bError:/.test(line)) ?? lines.find(Boolean) ?? '').slice(0, 300);
}

/** Splits `items` into `count` contiguous chunks of near-equal size. */
function chunks<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / Math.max(1, count));
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

/** Scores each item; results come back in input order. */
export async function scoreCompletions(items: readonly ScoreItem[], options: BatchScoreOptions): Promise<AttemptScore[]> {
  const scores = new Array<AttemptScore>(items.length);
  const runnable: Runnable[] = [];
  for (const [index, item] of items.entries()) {
    const { task } = item;
    const prompt = task.target && task.source.kind === 'inline' ? task.source.files[task.target] : undefined;
    const completion = candidateText(task, item.attempt, item.worktree);
    if (task.broken) scores[index] = itemScore(item, 'broken-task', task.broken);
    else if (prompt === undefined || !task.scoring.checker) scores[index] = itemScore(item, 'environment-error', 'the task has no prompt file or no tests');
    else if (completion.trim() === '' || completion === prompt) scores[index] = itemScore(item, 'failed', 'no completion: the answer is empty and the target file is unchanged', { compiled: 0 });
    else runnable.push({ index, file: `t${index}.ts`, program: programFor(prompt, completion, task.scoring.checker) });
  }
  const workers = Math.max(1, options.workers ?? 1);
  const root = mkdtempSync(join(tmpdir(), 'codewright-multipl-e-'));
  try {
    const batches = chunks(runnable, workers);
    const compiled = await mapLimit(batches, workers, (batch, number) =>
      compileBatch(join(root, `b${number}`), new Map(batch.map((entry) => [entry.file, entry.program])), { timeoutMs: options.timeoutMs + 100 * batch.length, signal: options.signal }),
    );
    const jobs = batches.flatMap((batch, number) => batch.map((entry) => ({ entry, folder: join(root, `b${number}`), result: compiled[number] as CompiledBatch })));
    await mapLimit(jobs, workers, async ({ entry, folder, result }) => {
      const item = items[entry.index] as ScoreItem;
      const errors = result.diagnostics.get(entry.file);
      if (result.environmentError) return void (scores[entry.index] = itemScore(item, 'environment-error', result.environmentError));
      if (errors) return void (scores[entry.index] = itemScore(item, 'failed', `type errors: ${errors[0]}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, { compiled: 0, typeErrors: errors.length }));
      const run = await runProcess(process.execPath, [join('out', entry.file.replace(/\.ts$/, '.js'))], { cwd: folder, timeoutMs: options.timeoutMs, signal: options.signal });
      const seconds = run.durationMs / 1000;
      if (run.spawnError) scores[entry.index] = itemScore(item, 'environment-error', `could not start node (${run.spawnError.message})`);
      else if (run.timedOut) scores[entry.index] = itemScore(item, 'failed', `the tests timed out after ${seconds.toFixed(1)} s`, { compiled: 1 }, seconds);
      else if (run.code === 0) scores[entry.index] = itemScore(item, 'passed', 'compiles and the tests pass', { compiled: 1 }, seconds);
      else scores[entry.index] = itemScore(item, 'failed', `the tests fail: ${failureLine(run.stderr) || `exit code ${run.code}`}`, { compiled: 1 }, seconds);
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return scores;
}
