/** Which hunks each test file reaches: through imports, by naming a touched symbol, or by being changed itself. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Change, Hunk } from '../../core/change.ts';
import type { TouchedSymbol } from '../types.ts';
import { readAtlasTestFacts } from './atlas-facts.ts';
import { createImportGraph } from './import-graph.ts';
import { workspacePackages } from './workspace-packages.ts';

/** The hunks a test file reaches, computed on first use. */
export interface TestReach {
  hunksOf(testFile: string): Promise<string[]>;
  /** Test files as the atlas flags them (it may know of tests outside the runner's conventions). */
  atlasTestFiles: ReadonlySet<string>;
}

/** Everything reach needs to know about the change and the worktree. */
export interface TestReachInput {
  dir: string;
  /** The worktree's files (relative paths). */
  files: readonly string[];
  change: Change;
  hunks: readonly Hunk[];
  touched: ReadonlyMap<string, readonly TouchedSymbol[]>;
  atlas?: DatabaseSync;
}

/** The last segment of a qualified name: `Cart.total` -> `total`. */
export function shortName(qualifiedName: string): string {
  return qualifiedName.split(/[.#:/]+/).filter(Boolean).pop() ?? qualifiedName;
}

/** Names worth looking for in test text: not tiny, not dunder methods, not words every class has. */
function isDistinctiveName(name: string): boolean {
  return name.length >= 3 && /^\w+$/.test(name) && !name.startsWith('__') && !['constructor', 'default', 'main'].includes(name);
}

function family(path: string): string {
  return /\.pyi?$/.test(path) ? 'python' : 'script';
}

function addTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the reach of test files over the import graph of `dir` and the atlas, when there is one. */
export async function createTestReach(input: TestReachInput): Promise<TestReach> {
  const hunksByFile = new Map<string, string[]>();
  const hunksByName = new Map<string, string[]>();
  const pathOf = new Map(input.hunks.map((hunk) => [hunk.id, hunk.path]));
  for (const hunk of input.hunks) {
    addTo(hunksByFile, hunk.path, hunk.id);
    for (const symbol of input.touched.get(hunk.id) ?? []) {
      const name = shortName(symbol.qualifiedName);
      if (isDistinctiveName(name)) addTo(hunksByName, name, hunk.id);
    }
  }
  const paths = new Set(input.files);
  for (const file of input.change.files) {
    if (file.oldPath === null) continue;
    paths.add(file.oldPath);
    // A test that still imports a renamed file's old path reaches the file's hunks.
    const current = file.newPath ?? file.oldPath;
    if (current === file.oldPath) continue;
    for (const hunk of input.hunks) if (hunk.path === current) addTo(hunksByFile, file.oldPath, hunk.id);
  }
  const facts = readAtlasTestFacts(input.atlas, [...hunksByName.keys()]);
  const graph = createImportGraph(input.dir, paths, await workspacePackages(input.dir, input.files), facts.edges);
  const cache = new Map<string, Promise<string[]>>();
  const compute = async (testFile: string): Promise<string[]> => {
    const reached = new Set<string>();
    for (const path of await graph.reachableFrom(testFile)) for (const id of hunksByFile.get(path) ?? []) reached.add(id);
    const text = await readFile(join(input.dir, testFile), 'utf8').catch(() => '');
    for (const [name, ids] of hunksByName) {
      const named = facts.referencedBy.get(name)?.has(testFile) || new RegExp(`\\b${name}\\b`).test(text);
      if (named) for (const id of ids) if (family(pathOf.get(id)!) === family(testFile)) reached.add(id);
    }
    return input.hunks.map((hunk) => hunk.id).filter((id) => reached.has(id));
  };
  return {
    atlasTestFiles: facts.testFiles,
    hunksOf(testFile) {
      let pending = cache.get(testFile);
      if (!pending) cache.set(testFile, (pending = compute(testFile)));
      return pending;
    },
  };
}
