/**
 * The test map: which lines of which source files each test file executed, recorded once per base commit
 * (`codewright check --record-tests`) so that later checks against that commit run only the test files
 * that execute the changed lines, not every test file that imports them.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Hunk } from '../../core/change.ts';
import { pruneCache } from '../../core/prune-cache.ts';
import { dataDirectory, ensureDataDirectory } from '../../atlas/store/database.ts';
import { readJsonObject } from '../../core/result.ts';
import { writeFileAtomic } from '../../core/write-atomic.ts';
import type { RunnerName } from './types.ts';

const formatVersion = 1;

/** Line ranges, inclusive: `[[3, 7], [12, 12]]`. */
export type LineRanges = [number, number][];

/** What one recording run found. */
export interface TestMap {
  version: number;
  runner: RunnerName;
  /** The commit the suite ran on. */
  base: string;
  recordedAt: string;
  /** Seconds the recording run took. */
  seconds: number;
  /** Source files whose coverage was read: a hunk elsewhere falls back to the import graph. */
  sources: string[];
  /** Test file -> source file -> executed lines. */
  executed: Record<string, Record<string, LineRanges>>;
}

/** Where the map of `runner` at commit `base` of the repository at `root` is kept. */
export function testMapPath(root: string, base: string, runner: RunnerName): string {
  return join(dataDirectory(root), 'cache', 'test-map', `${base}-${runner}.json`);
}

/** The recorded map, or undefined when there is none (or it is unreadable, or of another format). */
export function readTestMap(root: string, base: string, runner: RunnerName): TestMap | undefined {
  const map = readJsonObject(testMapPath(root, base, runner)) as Partial<TestMap> | undefined;
  const valid = map?.version === formatVersion && map.base === base && map.runner === runner && typeof map.executed === 'object' && Array.isArray(map.sources);
  return valid ? (map as TestMap) : undefined;
}

/** Test maps kept per repository (one per base commit and runner, ~1.6 MB for zod): older ones are removed. */
export const keptTestMaps = 16;

/** Writes the map atomically (a temporary file renamed into place), and removes the oldest maps beyond `keptTestMaps`. */
export function writeTestMap(root: string, map: Omit<TestMap, 'version'>): string {
  const path = testMapPath(root, map.base, map.runner);
  ensureDataDirectory(root);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, `${JSON.stringify({ version: formatVersion, ...map })}\n`);
  pruneCache(dirname(path), keptTestMaps);
  return path;
}

/** Sorted lines as inclusive ranges. */
export function toRanges(lines: Iterable<number>): LineRanges {
  const sorted = [...new Set(lines)].sort((left, right) => left - right);
  const ranges: LineRanges = [];
  for (const line of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && line === last[1] + 1) last[1] = line;
    else ranges.push([line, line]);
  }
  return ranges;
}

function executes(ranges: LineRanges, lines: readonly number[]): boolean {
  return lines.some((line) => ranges.some(([start, end]) => start <= line && line <= end));
}

/**
 * The base-side lines a test must have executed to be affected by a hunk: its removed lines, and for each
 * run of added lines the context lines on both sides of the insertion point (new code runs where its
 * neighbours ran). Context lines away from the edit do not count: they may belong to code every importer runs.
 */
export function baseLines(hunk: Hunk): number[] {
  const lines = new Set<number>();
  hunk.lines.forEach((line, index) => {
    if (line.type === '-' && line.oldLine !== undefined) lines.add(line.oldLine);
    if (line.type !== '+') return;
    for (let before = index - 1; before >= 0; before--) {
      const previous = hunk.lines[before]!;
      if (previous.type === '+') continue;
      if (previous.type === ' ' && previous.oldLine !== undefined) lines.add(previous.oldLine);
      break;
    }
    for (let after = index + 1; after < hunk.lines.length; after++) {
      const next = hunk.lines[after]!;
      if (next.type === '+') continue;
      if (next.type === ' ' && next.oldLine !== undefined) lines.add(next.oldLine);
      break;
    }
  });
  if (lines.size === 0) for (let line = hunk.oldStart; line < hunk.oldStart + Math.max(1, hunk.oldLines); line++) lines.add(line);
  return [...lines];
}

/** What the map says about a change's hunks. */
export interface MappedSelection {
  /** Test file -> hunks whose base lines it executed. */
  tests: Map<string, string[]>;
  /** Hunks the map covers (their file's coverage was recorded): only the tests above reach them. */
  mapped: Set<string>;
}

/**
 * The test files that executed each hunk's base lines when the map was recorded. Hunks in files the map
 * did not record (new files, other languages) are left out of `mapped`: the caller selects their tests
 * another way. A renamed file is looked up by its old path.
 */
export function selectByMap(map: TestMap, hunks: readonly Hunk[], oldPathOf: (path: string) => string | undefined): MappedSelection {
  const recorded = new Set(map.sources);
  const tests = new Map<string, string[]>();
  const mapped = new Set<string>();
  for (const hunk of hunks) {
    const path = oldPathOf(hunk.path);
    if (path === undefined || !recorded.has(path)) continue;
    mapped.add(hunk.id);
    const lines = baseLines(hunk);
    for (const [testFile, files] of Object.entries(map.executed)) {
      const ranges = files[path];
      if (!ranges || !executes(ranges, lines)) continue;
      const list = tests.get(testFile);
      if (list) list.push(hunk.id);
      else tests.set(testFile, [hunk.id]);
    }
  }
  return { tests, mapped };
}
