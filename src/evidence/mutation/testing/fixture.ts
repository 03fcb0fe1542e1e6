/** Test helpers: a worktree in a temp folder, hunks that add given lines, and hooks running `node --test`. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hunk } from '../../../core/change.ts';
import { silentLogger } from '../../../core/logger.ts';
import { runProcess } from '../../../core/process.ts';
import type { CheckContext } from '../../types.ts';
import type { MutationTestHooks } from '../types.ts';

/** Writes `files` (relative path → text) into a new temp folder. */
export async function makeWorktree(files: Record<string, string>): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'codewright-mutation-'));
  for (const [relative, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), text);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A hunk of `file` whose lines `from`..`to` (1-based) of `text` are added. */
export function addedHunk(file: string, text: string, from: number, to: number, index = 0): Hunk {
  const lines = text.split('\n').slice(from - 1, to);
  return {
    id: `${file}#${index}`,
    path: file,
    oldStart: from,
    oldLines: 0,
    newStart: from,
    newLines: lines.length,
    header: '',
    lines: lines.map((line, offset) => ({ type: '+', text: line, newLine: from + offset })),
  };
}

/** A context over `dir` as the change worktree, with `hooks` shared as `mutation-hooks` when given. */
export function mutationContext(dir: string, hunks: Hunk[], hooks?: MutationTestHooks): CheckContext {
  return {
    root: dir,
    baseDir: dir,
    changeDir: dir,
    change: { base: 'HEAD', patch: '', files: [] },
    hunks,
    intent: 'fix',
    touched: new Map(),
    full: false,
    timeoutMs: 60_000,
    logger: silentLogger,
    shared: new Map(hooks ? [['mutation-hooks', hooks]] : []),
  };
}

/** Hooks that run test files with `node --test`; `coverage` maps a source path to its test files. */
export function nodeTestHooks(coverage: Record<string, string[]>, onRun?: (dir: string, testFiles: string[]) => void): MutationTestHooks {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return {
    testFilesFor: (file) => coverage[file] ?? [],
    runTests: async (dir, testFiles, timeoutMs) => {
      onRun?.(dir, testFiles);
      const run = await runProcess(process.execPath, ['--test', ...testFiles], { cwd: dir, timeoutMs, env });
      const failures = run.stdout.split('\n').filter((line) => line.startsWith('not ok')).map((line) => line.trim());
      return { passed: run.code === 0 && !run.timedOut, timedOut: run.timedOut, failures };
    },
  };
}
