/** Test helpers: base and change worktrees written in a temp folder, and a CheckContext over them. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hunk, Intent } from '../../../core/change.ts';
import { silentLogger } from '../../../core/logger.ts';
import type { CheckContext, TouchedSymbol } from '../../types.ts';

/** Two folders, `base` and `change`, with the given files (relative path → text). */
export interface Worktrees {
  root: string;
  baseDir: string;
  changeDir: string;
  cleanup(): Promise<void>;
}

async function writeAll(dir: string, files: Record<string, string>): Promise<void> {
  for (const [relative, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), text);
  }
}

/** Writes `base` files, then `change` files over a copy of them. */
export async function makeWorktrees(base: Record<string, string>, change: Record<string, string>): Promise<Worktrees> {
  const root = await mkdtemp(path.join(tmpdir(), 'codewright-differential-'));
  const baseDir = path.join(root, 'base');
  const changeDir = path.join(root, 'change');
  await writeAll(baseDir, base);
  await writeAll(changeDir, { ...base, ...change });
  return { root, baseDir, changeDir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** A touched function for a hunk: `path`, name and lines in the changed file. */
export interface TouchedFunction {
  path: string;
  name: string;
  startLine: number;
  endLine: number;
  kind?: string;
  language?: string;
}

/** A context with one hunk per touched function, covering its lines. */
export function contextFor(worktrees: Worktrees, touched: TouchedFunction[], intent: Intent = 'refactor', timeoutMs = 60_000): CheckContext {
  const hunks: Hunk[] = touched.map((item, index) => ({
    id: `${item.path}#${index}`,
    path: item.path,
    oldStart: item.startLine,
    oldLines: item.endLine - item.startLine + 1,
    newStart: item.startLine,
    newLines: item.endLine - item.startLine + 1,
    header: '',
    lines: [],
  }));
  const symbols = new Map<string, TouchedSymbol[]>(
    touched.map((item, index) => [
      hunks[index]!.id,
      [{ hunkId: hunks[index]!.id, qualifiedName: item.name, kind: item.kind ?? 'function', path: item.path, startLine: item.startLine, endLine: item.endLine, exported: true, language: item.language ?? 'typescript' }],
    ]),
  );
  const paths = [...new Set(touched.map((item) => item.path))];
  return {
    root: worktrees.root,
    baseDir: worktrees.baseDir,
    changeDir: worktrees.changeDir,
    change: { base: 'HEAD', patch: '', files: paths.map((file) => ({ kind: 'modified', oldPath: file, newPath: file, binary: false, hunks: hunks.filter((hunk) => hunk.path === file) })) },
    hunks,
    intent,
    touched: symbols,
    full: false,
    timeoutMs,
    logger: silentLogger,
    shared: new Map(),
  };
}
