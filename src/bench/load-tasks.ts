/** Reads benchmark tasks: JSONL files in the task format, or an upstream suite through its adapter (`<adapter>:<path>`). */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'zod';
import { CodewrightError } from '../core/errors.ts';
import { parseJson } from '../core/result.ts';
import { benchTaskSchema, type BenchTask } from './task-schema.ts';
import type { SuiteAdapter } from './types.ts';

/** Tasks read, and problems each naming the file, the line and the field. */
export interface LoadedTasks {
  tasks: BenchTask[];
  problems: string[];
}

function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the line)';
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** One problem per zod issue: `tasks.jsonl:3: scoring.failToPass: expected array, received string`. */
export function describeIssues(where: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${where}: ${fieldPath(issue.path)}: ${issue.message}`);
}

/**
 * Parses JSONL text in the task format. Blank lines are skipped; every other line must be one task object.
 * Problems name `<name>:<line>` and the field path; a repeated id names the line that used it first.
 */
export function parseTaskLines(text: string, name: string): LoadedTasks {
  const tasks: BenchTask[] = [];
  const problems: string[] = [];
  const firstLine = new Map<string, number>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `${name}:${index + 1}`;
    const parsed = parseJson(line);
    if (!parsed.success) {
      problems.push(`${where}: not a JSON object (${parsed.error.message}); write one task per line`);
      return;
    }
    const result = benchTaskSchema.safeParse(parsed.value);
    if (!result.success) {
      problems.push(...describeIssues(where, result.error));
      return;
    }
    const earlier = firstLine.get(result.data.id);
    if (earlier !== undefined) {
      problems.push(`${where}: id: "${result.data.id}" is already the id of line ${earlier}; give every task its own id`);
      return;
    }
    firstLine.set(result.data.id, index + 1);
    tasks.push(result.data);
  });
  return { tasks, problems };
}

/** Reads a `.jsonl` task file; a missing file throws NOT_FOUND naming it. */
export async function loadTaskFile(path: string, options: { limit?: number } = {}): Promise<LoadedTasks> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CodewrightError({ code: 'NOT_FOUND', message: `Cannot read the task file ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Give a .jsonl file of tasks, or <adapter>:<path>.`, data: { path } });
  }
  const loaded = parseTaskLines(text, basename(path));
  return options.limit === undefined ? loaded : { ...loaded, tasks: loaded.tasks.slice(0, options.limit) };
}

/** Splits `<adapter>:<path>` into its parts; a plain path (a drive letter is one character) has no adapter. */
export function parseSuiteSpec(spec: string): { adapter?: string; path: string } {
  const match = /^([a-z][a-z0-9-]+):(.+)$/.exec(spec);
  return match ? { adapter: match[1]!, path: match[2]! } : { path: spec };
}

// Loaded on demand: a plain task file needs none of the upstream adapters.
async function adapterNamed(name: string, spec: string): Promise<SuiteAdapter> {
  const { suiteAdapters } = await import('./suites/registry.ts');
  const adapter = Object.hasOwn(suiteAdapters, name) ? suiteAdapters[name] : undefined;
  if (!adapter) {
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `No suite adapter is called \`${name}\` (in \`${spec}\`); the adapters are ${Object.keys(suiteAdapters).join(', ')}, or give a .jsonl task file.`, data: { spec } });
  }
  return adapter;
}

/**
 * Loads a suite: a `.jsonl` task file, or `<adapter>:<path>` read by that adapter from the registry. Tasks that
 * an adapter returns are validated with the schema too, so every task the engine sees is well-formed.
 */
export async function loadSuite(spec: string, options: { limit?: number } = {}): Promise<LoadedTasks> {
  const { adapter, path } = parseSuiteSpec(spec);
  if (!adapter) {
    if (!path.endsWith('.jsonl')) {
      throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `\`${spec}\` is neither a .jsonl task file nor <adapter>:<path> (swe-bench:, multipl-e:, transcoder:).`, data: { spec } });
    }
    return loadTaskFile(path, options);
  }
  const loaded = await (await adapterNamed(adapter, spec)).doLoad(path, options);
  const tasks: BenchTask[] = [];
  const problems = [...loaded.problems];
  for (const task of loaded.tasks) {
    const checked = benchTaskSchema.safeParse(task);
    if (checked.success) tasks.push(checked.data);
    else problems.push(...describeIssues(`${adapter} task ${String((task as { id?: unknown }).id)}`, checked.error));
  }
  return { tasks: options.limit === undefined ? tasks : tasks.slice(0, options.limit), problems };
}
