/** `write`: creates a file (or rewrites one whole when asked to), refusing content with syntax errors. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { tool } from 'ai';
import { z } from 'zod';
import { introducedSyntaxError, snippetAround } from './syntax-check.ts';
import type { ToolRuntime } from './tool-runtime.ts';
import { redactedMarker, redactedRefusal } from './redacted-text.ts';
import { lineCount, resolvePath, statOf } from './text-file.ts';

const inputSchema = z.object({
  path: z.string().describe('Path of the file, relative to the repository root; missing folders are created'),
  content: z.string().describe('The whole content of the file'),
  overwrite: z.boolean().optional().describe('Replace an existing file whole (default false); prefer edit for changes to existing files'),
});

type WriteInput = z.infer<typeof inputSchema>;

/** Writes one file and returns what the model is told. */
export async function writeWholeFile(runtime: ToolRuntime, input: WriteInput): Promise<string> {
  const resolved = resolvePath(runtime, input.path);
  if (!resolved.success) return resolved.error;
  if (input.content.includes(redactedMarker)) return redactedRefusal;
  const path = resolved.value;
  const stats = statOf(path);
  if (stats?.isDirectory()) return `${path.relative} is a folder; give a file path inside it`;
  if (stats && !stats.isFile()) return `${path.relative} is not a regular file`;
  const before = stats ? readFileSync(path.absolute, 'utf8') : undefined;
  if (before !== undefined && !input.overwrite) {
    return `${path.relative} already exists (${lineCount(before)} lines); use edit to change part of it, or write with overwrite: true to replace it whole`;
  }
  const lines = lineCount(input.content);
  const base = { path: path.relative, tool: 'write', created: before === undefined, content: input.content };
  const errorLine = await introducedSyntaxError(path.relative, before, input.content, { start: 1, end: Math.max(1, lines) });
  if (errorLine !== undefined) {
    runtime.record({ type: 'edit-discarded', ...base, reason: `syntax error at line ${errorLine}` });
    return `file not written: the content has a syntax error at line ${errorLine} of ${path.relative}:\n${snippetAround(input.content, errorLine)}\nFix it and write again.`;
  }
  mkdirSync(dirname(path.absolute), { recursive: true });
  writeFileSync(path.absolute, input.content);
  runtime.changed([path.relative]);
  runtime.record({ type: 'edit', ...base, lines });
  return before === undefined ? `created ${path.relative} (${lines} lines)` : `rewrote ${path.relative} (${lines} lines, was ${lineCount(before)})`;
}

/** The `write` tool. */
export function createWriteTool(runtime: ToolRuntime) {
  return tool({
    description:
      'Create a new file with the given content (tests, new modules). Refuses to replace an existing file unless overwrite is true; ' +
      'use edit to change existing files. Content with a syntax error is refused.',
    inputSchema,
    execute: async (input) => runtime.finish(await runtime.serial(() => writeWholeFile(runtime, input))),
  });
}
