/** The import graph of a worktree, built lazily from the files' text and, when present, the atlas. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createResolutionContext, resolveImport, type ResolutionContext } from '../../atlas/index/resolve-imports.ts';
import { importSpecifiers } from './scan-imports.ts';

/** Resolved imports of each file, read on first use. */
export interface ImportGraph {
  /** Repository paths `path` imports (directly). */
  importsOf(path: string): Promise<string[]>;
  /** Every path reachable from `start` through imports, `start` included. */
  reachableFrom(start: string): Promise<Set<string>>;
}

function languageFamily(path: string): 'javascript' | 'python' | undefined {
  if (/\.[cm]?[jt]sx?$/.test(path)) return 'javascript';
  if (/\.pyi?$/.test(path)) return 'python';
  return undefined;
}

/**
 * A graph over `paths` (the worktree's files plus files the change deleted), reading sources in `dir`;
 * `extraEdges` (from the atlas) are added to what the text shows. `packages` maps npm workspace names to folders.
 */
export function createImportGraph(
  dir: string,
  paths: Iterable<string>,
  packages: Map<string, string> = new Map(),
  extraEdges: Map<string, string[]> = new Map(),
): ImportGraph {
  const context: ResolutionContext = createResolutionContext(paths, packages);
  const cache = new Map<string, Promise<string[]>>();
  const scan = async (path: string): Promise<string[]> => {
    const family = languageFamily(path);
    const resolved = new Set(extraEdges.get(path) ?? []);
    if (family !== undefined) {
      const text = await readFile(join(dir, path), 'utf8').catch(() => '');
      const language = family === 'python' ? 'python' : 'typescript';
      for (const specifier of importSpecifiers(family, text)) {
        const target = resolveImport(context, language, path, specifier);
        if (target !== undefined && target !== path) resolved.add(target);
      }
    }
    return [...resolved];
  };
  const importsOf = (path: string): Promise<string[]> => {
    let pending = cache.get(path);
    if (!pending) cache.set(path, (pending = scan(path)));
    return pending;
  };
  const reachableFrom = async (start: string): Promise<Set<string>> => {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const next of await importsOf(queue.pop()!)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return seen;
  };
  return { importsOf, reachableFrom };
}
