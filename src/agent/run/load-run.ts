/** Reads runs back from `.codewright/runs/`: one by id (or the last one), or all of them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CodewrightError } from '../../core/errors.ts';
import { parseJson } from '../../core/result.ts';
import { repositoryTopLevel } from '../../evidence/workspace/repository.ts';
import type { RunRecord } from './run-record.ts';
import { runDirectory, runsDirectory, safeName } from './run-record.ts';
import { writeJsonAtomic } from '../../core/write-atomic.ts';

/** A run read from disk. */
export interface StoredRun {
  /** The repository's top level. */
  root: string;
  directory: string;
  /** `run.json`, with `status: 'interrupted'` when it says running but its process is gone. */
  record: RunRecord;
}

function processGone(record: RunRecord): boolean {
  if (record.owner.hostname !== hostname()) return false;
  try {
    process.kill(record.owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

function readRecord(directory: string): RunRecord | undefined {
  let text: string;
  try {
    text = readFileSync(join(directory, 'run.json'), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseJson(text);
  if (!parsed.success || typeof parsed.value !== 'object' || parsed.value === null) return undefined;
  const record = parsed.value as RunRecord;
  if (typeof record.id !== 'string' || typeof record.base !== 'string' || !Array.isArray(record.candidates)) return undefined;
  record.applications ??= [];
  if (record.status === 'running' && processGone(record)) record.status = 'interrupted';
  return record;
}

function runIds(topLevel: string): string[] {
  const directory = runsDirectory(topLevel);
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && safeName.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Every readable run of the repository around `root`, newest first. */
export async function listRuns(root: string): Promise<StoredRun[]> {
  const topLevel = await repositoryTopLevel(root);
  const runs: StoredRun[] = [];
  for (const id of runIds(topLevel).reverse()) {
    const directory = runDirectory(topLevel, id);
    const record = readRecord(directory);
    if (record) runs.push({ root: topLevel, directory, record });
  }
  return runs;
}

/**
 * The run `id` of the repository around `root`; `last` is the newest. Throws NOT_FOUND when there
 * is no such run, INVALID_ARGUMENT when its `run.json` cannot be read.
 */
export async function loadRun(root: string, id: string): Promise<StoredRun> {
  const topLevel = await repositoryTopLevel(root);
  const ids = runIds(topLevel);
  const chosen = id === 'last' ? ids.at(-1) : ids.find((name) => name === id) ?? uniquePrefix(ids, id);
  if (!chosen) {
    const message =
      ids.length === 0
        ? `There are no runs in ${topLevel} yet. Start one with \`codewright solve\` (or another task command).`
        : `There is no run \`${id}\` in ${topLevel}. Run \`codewright runs\` to list them, or give \`last\`.`;
    throw new CodewrightError({ code: 'NOT_FOUND', message, data: { id, root: topLevel } });
  }
  const directory = runDirectory(topLevel, chosen);
  const record = readRecord(directory);
  if (!record) {
    throw new CodewrightError({
      code: 'INVALID_ARGUMENT',
      message: `The run ${chosen} has no readable run.json in ${directory}; it was damaged or written by another program. Remove the folder, or pick another run from \`codewright runs\`.`,
      data: { id: chosen, directory },
    });
  }
  return { root: topLevel, directory, record };
}

// A run can be named by the start of its id, as long as only one run starts that way.
function uniquePrefix(ids: readonly string[], prefix: string): string | undefined {
  if (prefix.length < 4) return undefined;
  const matches = ids.filter((name) => name.startsWith(prefix));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Writes a stored run's `run.json` back, atomically (apply and undo record themselves in it). */
export function saveStoredRun(run: StoredRun): void {
  writeJsonAtomic(join(run.directory, 'run.json'), run.record);
}
