/** Reads SWE-bench-shaped JSONL (or JSON array) files, one task per record, with problems naming the file, line and field. */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CodewrightError } from '../../../core/errors.ts';
import { parseJson } from '../../../core/result.ts';
import type { BenchTask } from '../../task-schema.ts';
import { normalizeRecord } from './normalize-record.ts';
import { recordToTask } from './record-to-task.ts';
import type { RepositorySources } from './resolve-repository.ts';

/** What doLoad returns. */
export interface LoadedTasks {
  tasks: BenchTask[];
  problems: string[];
}

function dataFiles(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new CodewrightError({ code: 'NOT_FOUND', message: `${path} does not exist. Give a SWE-bench .jsonl file or a folder of them.`, data: { path } });
  if (stat.isFile()) return [path];
  return readdirSync(path).filter((name) => /\.(jsonl|json)$/.test(name)).sort().map((name) => join(path, name));
}

async function* records(file: string): AsyncGenerator<{ line: number; value: unknown } | { line: number; error: string }> {
  if (file.endsWith('.json')) {
    const parsed = parseJson(await readFile(file, 'utf8'));
    if (!parsed.success) return yield { line: 1, error: `not valid JSON (${parsed.error.message})` };
    const values = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
    for (const [index, value] of values.entries()) yield { line: index + 1, value };
    return;
  }
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    const parsed = parseJson(text);
    yield parsed.success ? { line, value: parsed.value } : { line, error: `not valid JSON (${parsed.error.message})` };
  }
}

/** Loads tasks from `path` (a file or a folder of .jsonl/.json files), at most `limit`. */
export async function loadRecords(path: string, options: { limit?: number } & RepositorySources = {}): Promise<LoadedTasks> {
  const loaded: LoadedTasks = { tasks: [], problems: [] };
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  for (const file of dataFiles(path)) {
    for await (const record of records(file)) {
      if (loaded.tasks.length >= limit) return loaded;
      const where = `${file}:${record.line}`;
      if ('error' in record) {
        loaded.problems.push(`${where}: ${record.error}`);
        continue;
      }
      const normalized = normalizeRecord(record.value);
      const task = normalized.success ? await recordToTask(normalized.value, options) : normalized;
      if (!task.success) loaded.problems.push(`${where}: ${task.error}`);
      else if (seen.has(task.value.id)) loaded.problems.push(`${where}: duplicate instance id ${task.value.id}; the first one is kept`);
      else {
        seen.add(task.value.id);
        loaded.tasks.push(task.value);
      }
    }
  }
  return loaded;
}
