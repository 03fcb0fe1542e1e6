/** `read`: a file of the worktree as numbered lines (a line range of large files), or a folder's entries. */
import { readdirSync } from 'node:fs';
import { tool } from 'ai';
import { z } from 'zod';
import { isSecretPath } from '../safety/secret-files.ts';
import { formatCount } from './cut-text.ts';
import type { ToolRuntime } from './tool-runtime.ts';
import { notFound, openTextFile, resolvePath, statOf } from './text-file.ts';

/** Lines shown when no endLine is given. */
export const defaultReadLines = 400;
const maxLineLength = 400;

const inputSchema = z.object({
  path: z.string().describe('File or folder path relative to the repository root, e.g. `src/index.ts`'),
  startLine: z.number().int().min(1).optional().describe('First line to show (1-based); default 1'),
  endLine: z.number().int().min(1).optional().describe(`Last line to show; default startLine + ${defaultReadLines - 1}`),
});

function listFolder(runtime: ToolRuntime, absolute: string, relative: string): string {
  const entries = readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => entry.name !== '.git' && entry.name !== '.codewright')
    .sort((a, b) => Number(b.isDirectory()) - Number(a.isDirectory()) || a.name.localeCompare(b.name));
  const prefix = relative === '.' ? '' : `${relative}/`;
  const lines = entries.slice(0, 300).map((entry) => {
    if (entry.isDirectory()) return `${entry.name}/`;
    return isSecretPath(`${prefix}${entry.name}`, runtime.context.secretPolicy) ? `${entry.name} (secret: not readable)` : entry.name;
  });
  const more = entries.length > 300 ? `\n[... ${formatCount(entries.length - 300)} more entries]` : '';
  return `${relative}/ (${entries.length} entries)\n${lines.join('\n')}${more}`;
}

/** Reads `path` as numbered lines, `startLine` to `endLine`. */
export async function readFileRange(runtime: ToolRuntime, input: z.infer<typeof inputSchema>): Promise<string> {
  const resolved = resolvePath(runtime, input.path);
  if (!resolved.success) return resolved.error;
  const stats = statOf(resolved.value);
  if (!stats) return notFound(runtime, resolved.value);
  if (stats.isDirectory()) return listFolder(runtime, resolved.value.absolute, resolved.value.relative);
  const opened = await openTextFile(runtime, input.path);
  if (!opened.success) return opened.error;
  const { text, path } = opened.value;
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  const total = lines.length;
  if (total === 0) return `${path.relative} is empty`;
  const start = input.startLine ?? 1;
  if (start > total) return `${path.relative} has ${formatCount(total)} lines; startLine ${start} is past the end`;
  if (input.endLine !== undefined && input.endLine < start) return `endLine ${input.endLine} is before startLine ${start}; give endLine >= startLine`;
  const end = Math.min(total, input.endLine ?? start + defaultReadLines - 1);
  const width = String(end).length;
  const shown = lines.slice(start - 1, end).map((line, index) => {
    const long = line.length > maxLineLength ? `${line.slice(0, maxLineLength)}…[+${formatCount(line.length - maxLineLength)} characters]` : line;
    return `${String(start + index).padStart(width)}  ${long}`;
  });
  const whole = start === 1 && end === total;
  const header = whole ? `${path.relative} (${formatCount(total)} lines)` : `${path.relative} (lines ${start}-${end} of ${formatCount(total)})`;
  const after = end < total && input.endLine === undefined ? `\n[... lines ${end + 1}-${total} not shown; read them with startLine: ${end + 1}]` : '';
  return `${header}\n${shown.join('\n')}${after}`;
}

/** The `read` tool. */
export function createReadTool(runtime: ToolRuntime) {
  return tool({
    description:
      `Read a file of the repository as numbered lines (the numbers are not part of the file), or list a folder. Shows ${defaultReadLines} lines at a time: ` +
      'use startLine/endLine for other parts of large files. Use the atlas tools (find, outline, search) to learn where to look first.',
    inputSchema,
    execute: async (input) => runtime.finish(await readFileRange(runtime, input), 'narrow with startLine/endLine'),
  });
}
