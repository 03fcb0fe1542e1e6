/** Reads the line trace the Python bootstrap writes: executable and executed lines per file, and per test file. */
import { readFile } from 'node:fs/promises';
import { parseJson } from '../../core/result.ts';
import { emptyCoverage, type CoverageData } from './types.ts';

interface PythonReport {
  files?: Record<string, { executable?: number[]; executed?: number[] }>;
  byTest?: Record<string, Record<string, number[]>>;
}

/** Line coverage of the traced files, limited to the lines of `code` (relative path -> code lines by text). */
export async function readPythonCoverage(file: string, code: ReadonlyMap<string, Set<number>>): Promise<CoverageData> {
  const data = emptyCoverage();
  const parsed = parseJson(await readFile(file, 'utf8').catch(() => ''));
  if (!parsed.success || typeof parsed.value !== 'object' || parsed.value === null) return data;
  const report = parsed.value as PythonReport;
  for (const [path, lines] of Object.entries(report.files ?? {})) {
    const text = code.get(path);
    if (!text) continue;
    const executed = new Set(lines.executed ?? []);
    const executable = (lines.executable ?? []).filter((line) => text.has(line));
    data.files.set(path, { executed: new Set(executable.filter((line) => executed.has(line))), notExecuted: new Set(executable.filter((line) => !executed.has(line))) });
  }
  for (const [test, files] of Object.entries(report.byTest ?? {})) {
    data.byTestFile.set(test, new Map(Object.entries(files).filter(([path]) => code.has(path)).map(([path, lines]) => [path, new Set(lines)])));
  }
  return data;
}
