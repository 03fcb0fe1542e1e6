/** The start of `bench run`: a new run folder from a suite (problems refused as a whole), or a run to resume. */
import { CodewrightError } from '../../core/errors.ts';
import { loadSuite } from '../load-tasks.ts';
import { checkNotBusy, createBenchRun, readBenchRun, type OpenedBenchRun } from './open-bench-run.ts';
import type { BenchRunOptions } from './run-bench.ts';

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `${name} takes a whole number >= 1, not ${value}.` });
  return value;
}

/** Opens `options.resume` (refused while another process works on it), or loads the suite and creates a new run folder. */
export async function startOrResume(options: BenchRunOptions, root: string): Promise<OpenedBenchRun> {
  if (options.resume) {
    const opened = readBenchRun(root, options.resume);
    checkNotBusy(opened.directory, opened.record.id);
    opened.record.resumedAt = [...(opened.record.resumedAt ?? []), new Date().toISOString()];
    opened.record.status = 'running';
    if (options.workers !== undefined) opened.record.workers = options.workers;
    return opened;
  }
  if (!options.agent) throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: 'Say which agent to measure: --agent codewright, reference, empty, or a command line in quotes.' });
  if (!options.suite && !options.tasks) throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: 'Give a suite: a .jsonl task file or <adapter>:<path>.' });
  const loaded = options.tasks ? { tasks: options.tasks.slice(0, options.limit), problems: [] } : await loadSuite(options.suite!, options.limit === undefined ? {} : { limit: options.limit });
  if (loaded.problems.length > 0) {
    const shown = loaded.problems.slice(0, 20).join('\n  ');
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `The suite has ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}; fix them and run again:\n  ${shown}${loaded.problems.length > 20 ? '\n  …' : ''}`, data: { problems: loaded.problems } });
  }
  if (loaded.tasks.length === 0) throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `The suite ${options.suite ?? ''} has no tasks.` });
  return createBenchRun(root, { suite: options.suite ?? 'tasks', agent: options.agent, ...(options.model ? { model: options.model } : {}), samples: positive('--samples', options.samples, 1), workers: positive('--workers', options.workers, 1) }, loaded.tasks);
}
