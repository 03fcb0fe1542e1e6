/** Creates a bench run's folder, or opens one to resume: its record, its tasks, and what its journals already hold. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeJsonAtomic } from '../../core/write-atomic.ts';
import { CodewrightError } from '../../core/errors.ts';
import { parseJson } from '../../core/result.ts';
import { createRunId, ownerMayBeAlive } from '../../evidence/workspace/run-owner.ts';
import { parseTaskLines } from '../load-tasks.ts';
import type { BenchTask } from '../task-schema.ts';
import type { Attempt, AttemptScore } from '../types.ts';
import { benchFiles, benchRunDirectory, pairKey, type BenchRunRecord } from './bench-run-record.ts';
import { readRecords } from './journal.ts';

/** A run's folder with its record, tasks and journals as read. */
export interface OpenedBenchRun {
  directory: string;
  record: BenchRunRecord;
  tasks: BenchTask[];
  /** The last attempt journaled per `task#sample`. */
  attempts: Map<string, Attempt>;
  /** The first score journaled per `task#sample` (a pair is scored once; a later line would be ignored). */
  scores: Map<string, AttemptScore>;
}

const isAttempt = (value: unknown): value is Attempt => typeof value === 'object' && value !== null && typeof (value as Attempt).taskId === 'string' && typeof (value as Attempt).sample === 'number' && typeof (value as Attempt).status === 'string';
const isScore = (value: unknown): value is AttemptScore => typeof value === 'object' && value !== null && typeof (value as AttemptScore).taskId === 'string' && typeof (value as AttemptScore).sample === 'number' && typeof (value as AttemptScore).passed === 'boolean';

/** Reads the journals of a run folder: last attempt and first score per pair. */
export function readJournals(directory: string): Pick<OpenedBenchRun, 'attempts' | 'scores'> {
  const attempts = new Map<string, Attempt>();
  for (const attempt of readRecords(join(directory, benchFiles.attempts), isAttempt)) attempts.set(pairKey(attempt.taskId, attempt.sample), attempt);
  const scores = new Map<string, AttemptScore>();
  for (const score of readRecords(join(directory, benchFiles.scores), isScore)) {
    const key = pairKey(score.taskId, score.sample);
    if (!scores.has(key)) scores.set(key, score);
  }
  return { attempts, scores };
}

/** Opens an existing run folder (for resume, report and compare); throws NOT_FOUND naming what to give instead. */
export function readBenchRun(root: string, id: string): OpenedBenchRun {
  const directory = resolve(existsSync(join(id, benchFiles.record)) ? id : benchRunDirectory(root, id));
  const recordText = existsSync(join(directory, benchFiles.record)) ? readFileSync(join(directory, benchFiles.record), 'utf8') : undefined;
  const parsed = recordText === undefined ? undefined : parseJson(recordText);
  if (!parsed?.success || typeof parsed.value !== 'object' || parsed.value === null) {
    throw new CodewrightError({ code: 'NOT_FOUND', message: `No bench run \`${id}\`: ${directory} has no readable run.json. Give a run id from the folders in ${benchRunDirectory(root, '')} or a run folder.`, data: { id } });
  }
  const tasks = parseTaskLines(readFileSync(join(directory, benchFiles.tasks), 'utf8'), join(directory, benchFiles.tasks));
  return { directory, record: parsed.value as BenchRunRecord, tasks: tasks.tasks, ...readJournals(directory) };
}

/** Makes a new run folder with `run.json` and the tasks as they were loaded (`tasks.jsonl`), so resume needs no suite file. */
export function createBenchRun(root: string, fields: Omit<BenchRunRecord, 'version' | 'id' | 'startedAt' | 'status' | 'resumedAt' | 'tasks'>, tasks: readonly BenchTask[]): OpenedBenchRun {
  const id = createRunId();
  const directory = benchRunDirectory(root, id);
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, benchFiles.tasks), tasks.map((task) => `${JSON.stringify(task)}\n`).join(''));
  const record: BenchRunRecord = { version: 1, id, ...fields, tasks: tasks.length, startedAt: new Date().toISOString(), status: 'running', resumedAt: [] };
  writeJsonAtomic(join(directory, benchFiles.record), record);
  return { directory, record, tasks: [...tasks], attempts: new Map(), scores: new Map() };
}

/** Throws BENCH_RUN_BUSY when another live process works on the run. */
export function checkNotBusy(directory: string, id: string): void {
  if (ownerMayBeAlive(directory, 'owner')) {
    throw new CodewrightError({ code: 'BENCH_RUN_BUSY', message: `Bench run ${id} is being run by another process (see ${join(directory, 'owner.pid')}). Wait for it to finish, or stop it, then resume.`, data: { id } });
  }
}
