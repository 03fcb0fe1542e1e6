/** Reads an istanbul coverage-final.json (jest, @vitest/coverage-v8): statement counts per file, mapped back to source. */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { parseJson } from '../../core/result.ts';
import { emptyCoverage, type CoverageData, type FileCoverage } from './types.ts';

interface Position {
  line: number;
  column: number;
}

interface IstanbulFile {
  path?: string;
  statementMap?: Record<string, { start: Position; end: Position }>;
  s?: Record<string, number>;
}

/** Lines of `executable` classified by the innermost statement spanning them; lines in no statement do not execute. */
export function istanbulFileCoverage(file: IstanbulFile, executable: ReadonlySet<number>): FileCoverage {
  const statements = Object.entries(file.statementMap ?? {}).map(([id, span]) => ({ ...span, count: file.s?.[id] ?? 0 }));
  const coverage: FileCoverage = { executed: new Set(), notExecuted: new Set() };
  for (const line of executable) {
    let best: (typeof statements)[number] | undefined;
    for (const statement of statements) {
      if (statement.start.line > line || statement.end.line < line) continue;
      if (!best || statement.end.line - statement.start.line <= best.end.line - best.start.line) best = statement;
    }
    if (best) (best.count > 0 ? coverage.executed : coverage.notExecuted).add(line);
  }
  return coverage;
}

/** Line coverage of the files of `executable` (relative path -> executable lines) found in the report. */
export async function readIstanbulCoverage(file: string, dir: string, executable: ReadonlyMap<string, Set<number>>): Promise<CoverageData> {
  const data = emptyCoverage();
  const parsed = parseJson(await readFile(file, 'utf8').catch(() => ''));
  if (!parsed.success || typeof parsed.value !== 'object' || parsed.value === null) return data;
  for (const [key, entry] of Object.entries(parsed.value as Record<string, IstanbulFile>)) {
    const absolute = isAbsolute(entry.path ?? key) ? (entry.path ?? key) : join(dir, entry.path ?? key);
    const path = relative(dir, absolute).split('\\').join('/');
    const lines = executable.get(path);
    if (lines) data.files.set(path, istanbulFileCoverage(entry, lines));
  }
  return data;
}
