/** Reads a NODE_V8_COVERAGE folder: per process, the changed files' line coverage and the test files it loaded. */
import { readdir, readFile, realpath } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJson } from '../../core/result.ts';
import { v8FileCoverage, type V8Function } from './v8-lines.ts';
import { emptyCoverage, mergeFileCoverage, type CoverageData } from './types.ts';

interface ScriptCoverage {
  url: string;
  functions: V8Function[];
}

/** What the reader needs: the worktree, its changed files with their source and executable lines, and the test files. */
export interface V8ReadInput {
  dir: string;
  sources: Map<string, { source: string; executable: Set<number> }>;
  isTestFile(path: string): boolean;
}

function relativePath(url: string, roots: readonly string[]): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  const path = fileURLToPath(url.replace(/[?#].*$/, ''));
  for (const root of roots) {
    const inside = relative(root, path);
    if (!inside.startsWith('..') && !inside.startsWith('/')) return inside.split('\\').join('/');
  }
  return undefined;
}

function addProcess(data: CoverageData, input: V8ReadInput, roots: readonly string[], scripts: readonly ScriptCoverage[]): void {
  const loadedTests: string[] = [];
  const lines = new Map<string, Set<number>>();
  for (const script of scripts) {
    const path = relativePath(script.url, roots);
    if (path === undefined) continue;
    if (input.isTestFile(path)) loadedTests.push(path);
    const file = input.sources.get(path);
    if (!file) continue;
    const coverage = v8FileCoverage(file.source, script.functions, file.executable);
    const total = data.files.get(path);
    if (total) mergeFileCoverage(total, coverage);
    else data.files.set(path, coverage);
    lines.set(path, new Set([...(lines.get(path) ?? []), ...coverage.executed]));
  }
  // A process that loaded test files ran them: what it executed, they executed.
  for (const test of loadedTests) {
    const perTest = data.byTestFile.get(test) ?? new Map<string, Set<number>>();
    data.byTestFile.set(test, perTest);
    for (const [path, executed] of lines) perTest.set(path, new Set([...(perTest.get(path) ?? []), ...executed]));
  }
}

/** Line coverage of `input.sources` over every process that wrote a report into `directory`. */
export async function readV8Coverage(directory: string, input: V8ReadInput): Promise<CoverageData> {
  const data = emptyCoverage();
  const roots = [...new Set([input.dir, await realpath(input.dir).catch(() => input.dir)])];
  const reports = (await readdir(directory).catch(() => [])).filter((name) => name.startsWith('coverage-') && name.endsWith('.json'));
  for (const report of reports) {
    const parsed = parseJson(await readFile(join(directory, report), 'utf8').catch(() => ''));
    if (!parsed.success) continue;
    const scripts = (parsed.value as { result?: unknown }).result;
    if (Array.isArray(scripts)) addProcess(data, input, roots, scripts as ScriptCoverage[]);
  }
  return data;
}
