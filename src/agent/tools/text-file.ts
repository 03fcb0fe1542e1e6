/** Opens a text file of the worktree for a tool, with messages that tell the model how to fix a bad path. */
import { readFileSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import { formatCount } from './cut-text.ts';
import { didYouMean } from './similar-paths.ts';
import type { ToolRuntime } from './tool-runtime.ts';
import type { WorkspacePath } from './workspace-paths.ts';
import { resolveWorkspacePath } from './workspace-paths.ts';

/** Files larger than this are not read whole into a model's context. */
export const maxTextFileBytes = 2 * 1024 * 1024;

export interface TextFile {
  path: WorkspacePath;
  text: string;
  stats: Stats;
}

/** The resolved path, or a message for the model. */
export function resolvePath(runtime: ToolRuntime, path: string): Result<WorkspacePath, string> {
  const { workspace, secretPolicy } = runtime.context;
  return resolveWorkspacePath(workspace.root, path, secretPolicy);
}

/** `file not found: src/x.ts; did you mean src/y.ts?` */
export async function notFound(runtime: ToolRuntime, path: WorkspacePath): Promise<string> {
  const { workspace, secretPolicy } = runtime.context;
  return `file not found: ${path.relative}${await didYouMean(workspace.root, path.relative, secretPolicy)}`;
}

/** Stats of the path, or undefined when nothing is there. */
export function statOf(path: WorkspacePath): Stats | undefined {
  return statSync(path.absolute, { throwIfNoEntry: false });
}

/**
 * Reads an existing text file. Fails with a message for a bad path, a missing file (with similar
 * names), a folder, a binary file or a file too large to read whole.
 */
export async function openTextFile(runtime: ToolRuntime, given: string): Promise<Result<TextFile, string>> {
  const resolved = resolvePath(runtime, given);
  if (!resolved.success) return resolved;
  const path = resolved.value;
  const stats = statOf(path);
  if (!stats) return fail(await notFound(runtime, path));
  if (stats.isDirectory()) return fail(`${path.relative} is a folder, not a file; read it to list its files, then give a file path`);
  if (!stats.isFile()) return fail(`${path.relative} is not a regular file`);
  if (stats.size > maxTextFileBytes) {
    return fail(`${path.relative} is ${formatCount(stats.size)} bytes, too large to read whole; look inside with run (e.g. \`grep -n pattern ${path.relative}\`) or read a line range`);
  }
  const bytes = readFileSync(path.absolute);
  if (bytes.subarray(0, 8192).includes(0)) return fail(`${path.relative} is a binary file (${formatCount(stats.size)} bytes); tools only show and edit text`);
  return ok({ path, text: bytes.toString('utf8'), stats });
}

/** The 1-based line of character offset `index`. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** Number of lines of `text` (a final newline does not start another line). */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines - 1 : lines;
}
