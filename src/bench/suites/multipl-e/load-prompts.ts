/** Reads MultiPL-E prompt files (.jsonl, or .json arrays) into tasks, with problems naming the file, line and field. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CodewrightError } from '../../../core/errors.ts';
import { parseJson } from '../../../core/result.ts';
import type { BenchTask } from '../../task-schema.ts';
import { multiplERecordSchema } from './record-schema.ts';
import { datasetOfFile, recordToTask } from './record-to-task.ts';

function promptFiles(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new CodewrightError({ code: 'NOT_FOUND', message: `${path} does not exist. Give a MultiPL-E prompts file such as prompts/humaneval-ts-reworded.jsonl, or a folder of them.`, data: { path } });
  if (stat.isFile()) return [path];
  // In a folder, only the TypeScript prompt files: MultiPL-E keeps every language side by side.
  return readdirSync(path).filter((name) => /-ts(-[a-z]+)?\.(jsonl|json)$/.test(name)).sort().map((name) => join(path, name));
}

function records(file: string): { line: number; value?: unknown; error?: string }[] {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    const parsed = parseJson(text);
    if (!parsed.success) return [{ line: 1, error: `not valid JSON (${parsed.error.message})` }];
    return (Array.isArray(parsed.value) ? parsed.value : [parsed.value]).map((value, index) => ({ line: index + 1, value }));
  }
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    const parsed = parseJson(line);
    return [parsed.success ? { line: index + 1, value: parsed.value } : { line: index + 1, error: `not valid JSON (${parsed.error.message})` }];
  });
}

/** Copies such as DeepSeek-Coder's name the tests field `test`; the rest is MultiPL-E's own record. */
function normalize(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  return record.tests === undefined && typeof record.test === 'string' ? { ...record, tests: record.test } : record;
}

/** Loads the TypeScript tasks of `path` (a prompts file or folder), at most `limit`. */
export async function loadMultiplETasks(path: string, options: { limit?: number } = {}): Promise<{ tasks: BenchTask[]; problems: string[] }> {
  const tasks: BenchTask[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  for (const file of promptFiles(path)) {
    const dataset = datasetOfFile(file);
    for (const record of records(file)) {
      if (tasks.length >= limit) return { tasks, problems };
      const where = `${file}:${record.line}`;
      if (record.error !== undefined) {
        problems.push(`${where}: ${record.error}`);
        continue;
      }
      const parsed = multiplERecordSchema.safeParse(normalize(record.value));
      if (!parsed.success) {
        problems.push(`${where}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`).join('; ')}`);
        continue;
      }
      const task = recordToTask(parsed.data, dataset);
      if (!task.success) problems.push(`${where}: ${task.error}`);
      else if (seen.has(task.value.id)) problems.push(`${where}: duplicate name ${parsed.data.name}; the first one is kept`);
      else {
        seen.add(task.value.id);
        tasks.push(task.value);
      }
    }
  }
  return { tasks, problems };
}
