/** Reads a NODE_V8_COVERAGE folder: per process, the changed files' line coverage and the test files it loaded. */
import { readdir, readFile, realpath } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseJson } from '../../core/result.ts';
import { lineStarts, positionOf } from '../../core/line-starts.ts';
import { v8FileCoverage, type LineProbe, type V8Function } from './v8-lines.ts';
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
  /** Which character of a line decides whether it ran (default its first). */
  probe?: LineProbe;
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

/** What NODE_V8_COVERAGE keeps of a script Node transformed (`--experimental-transform-types`): its source map and line lengths. */
interface SourceMapCacheEntry {
  lineLengths?: number[];
  data?: unknown;
}

/**
 * Maps the offsets of a transformed script's ranges back onto its source through the source map Node kept,
 * so that lines are counted on the file as written. Offsets without a mapping keep the nearest earlier one.
 */
function mapRanges(functions: readonly V8Function[], entry: SourceMapCacheEntry, source: string): V8Function[] | undefined {
  if (!entry.lineLengths || !entry.data) return undefined;
  let map: SourceMap;
  try {
    map = new SourceMap(entry.data as ConstructorParameters<typeof SourceMap>[0]);
  } catch {
    return undefined;
  }
  const generatedStarts: number[] = [];
  let at = 0;
  for (const length of entry.lineLengths) {
    generatedStarts.push(at);
    at += length + 1;
  }
  const originalStarts = lineStarts(source);
  const toOriginal = (offset: number): number => {
    const position = positionOf(generatedStarts, offset);
    const line = position.line - 1;
    const column = position.column;
    const found = map.findEntry(line, column) as { generatedLine?: number; generatedColumn?: number; originalLine?: number; originalColumn?: number };
    if (found.originalLine === undefined || found.originalColumn === undefined) return offset;
    // Within a mapped segment the code is copied as written: keep the distance from the segment's start.
    const within = found.generatedLine === line ? column - (found.generatedColumn ?? column) : 0;
    return Math.min(source.length, (originalStarts[found.originalLine] ?? source.length) + found.originalColumn + within);
  };
  // An end offset is exclusive: map its last character, then step past it.
  const mapRange = (range: V8Function['ranges'][number]) => ({
    ...range,
    startOffset: toOriginal(range.startOffset),
    endOffset: range.endOffset > range.startOffset ? toOriginal(range.endOffset - 1) + 1 : toOriginal(range.endOffset),
  });
  return functions.map((fn) => ({ ...fn, ranges: fn.ranges.map(mapRange) }));
}

function addProcess(data: CoverageData, input: V8ReadInput, roots: readonly string[], scripts: readonly ScriptCoverage[], sourceMaps: Record<string, SourceMapCacheEntry> = {}): void {
  const loadedTests: string[] = [];
  const lines = new Map<string, Set<number>>();
  for (const script of scripts) {
    const path = relativePath(script.url, roots);
    if (path === undefined) continue;
    if (input.isTestFile(path)) loadedTests.push(path);
    const file = input.sources.get(path);
    if (!file) continue;
    const mapped = sourceMaps[script.url] ? mapRanges(script.functions, sourceMaps[script.url]!, file.source) : undefined;
    const coverage = v8FileCoverage(file.source, mapped ?? script.functions, file.executable, input.probe);
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
    const content = parsed.value as { result?: unknown; 'source-map-cache'?: Record<string, SourceMapCacheEntry> };
    if (Array.isArray(content.result)) addProcess(data, input, roots, content.result as ScriptCoverage[], content['source-map-cache']);
  }
  return data;
}
