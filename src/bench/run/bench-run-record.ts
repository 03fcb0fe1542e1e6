/** What `.codewright/bench/<run>/run.json` holds, and where a bench run's files live. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { dataDirectory } from '../../atlas/store/database.ts';

/** How a bench run ended; `running` while a process works on it (or after it died: resume it). */
export type BenchRunStatus = 'running' | 'done' | 'stopped' | 'interrupted';

/** `run.json`: what was run, with what, and how it ended. Tasks are in `tasks.jsonl` beside it. */
export interface BenchRunRecord {
  version: 1;
  id: string;
  /** The suite as given: a .jsonl path or `<adapter>:<path>`. */
  suite: string;
  /** `codewright`, `reference`, `empty`, or the command line of an external agent. */
  agent: string;
  model?: string;
  samples: number;
  workers: number;
  tasks: number;
  startedAt: string;
  endedAt?: string;
  status: BenchRunStatus;
  /** Why the run stopped early. */
  reason?: string;
  /** Started again with --resume, in order. */
  resumedAt: string[];
}

/** `<root>/.codewright/bench`. */
export function benchRunsDirectory(root: string): string {
  return join(dataDirectory(root), 'bench');
}

/** `<root>/.codewright/bench/<id>`. */
export function benchRunDirectory(root: string, id: string): string {
  return join(benchRunsDirectory(root), id);
}

/** The key of one attempt in the journals: a task and a sample. */
export function pairKey(taskId: string, sample: number): string {
  return `${taskId}#${sample}`;
}

/**
 * A folder name for a task's sample: the id with characters other than letters, digits, `_`, `.` and `-` replaced,
 * a short hash of the id (ids that differ only in replaced characters stay apart), and the sample.
 */
export function pairFolder(taskId: string, sample: number): string {
  const readable = taskId.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 80);
  const hash = createHash('sha1').update(taskId).digest('hex').slice(0, 8);
  return `${readable}-${hash}-${sample}`;
}

/** Files of a run, relative to its folder. */
export const benchFiles = {
  record: 'run.json',
  tasks: 'tasks.jsonl',
  attempts: 'attempts.jsonl',
  scores: 'scores.jsonl',
  attemptsFolder: 'attempts',
  work: 'work',
} as const;
