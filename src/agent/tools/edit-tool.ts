/** `edit`: an exact search/replace that must match once; an edit that breaks the file's syntax is refused. */
import { writeFileSync } from 'node:fs';
import { tool } from 'ai';
import { z } from 'zod';
import { noMatch, occurrences, tooManyMatches } from './search-matches.ts';
import { introducedSyntaxError, snippetAround } from './syntax-check.ts';
import type { ToolRuntime } from './tool-runtime.ts';
import { redactedMarker, redactedRefusal } from './redacted-text.ts';
import { lineAt, lineCount, openTextFile } from './text-file.ts';

const inputSchema = z.object({
  path: z.string().describe('File to change, relative to the repository root'),
  search: z.string().describe('Exact text to replace, copied from the file with its indentation; it must occur exactly once, so include enough surrounding lines'),
  replace: z.string().describe('The text that takes its place (empty to delete it)'),
});

type EditInput = z.infer<typeof inputSchema>;

/** Numbered lines of the changed region with a little context, at most 40 lines. */
function changedRegion(text: string, start: number, end: number): string {
  const lines = text.split('\n');
  const first = Math.max(1, start - 2);
  const last = Math.min(lines.length, end + 2, first + 39);
  const width = String(last).length;
  return lines
    .slice(first - 1, last)
    .map((line, index) => `${String(first + index).padStart(width)}  ${line}`)
    .join('\n');
}

/** Applies one edit and returns what the model is told. */
export async function applyEdit(runtime: ToolRuntime, input: EditInput): Promise<string> {
  if (input.search === '') return 'search is empty: give the exact text to replace (use write to create a new file)';
  if (input.search.includes(redactedMarker) || input.replace.includes(redactedMarker)) return redactedRefusal;
  const opened = await openTextFile(runtime, input.path);
  if (!opened.success) return opened.error;
  const { text, path } = opened.value;
  // Files with CRLF line ends: a model writes LF, so match and replace in the file's own style.
  const crlf = text.includes('\r\n') && !input.search.includes('\r');
  const search = crlf ? input.search.replace(/\n/g, '\r\n') : input.search;
  const replace = crlf ? input.replace.replace(/\r?\n/g, '\r\n') : input.replace;
  if (search === replace) return 'search and replace are the same text: nothing would change';
  const found = occurrences(text, search);
  if (found.length === 0) return noMatch(path.relative, text, input.search);
  if (found.length > 1) return tooManyMatches(text, found);
  const offset = found[0]!;
  const updated = text.slice(0, offset) + replace + text.slice(offset + search.length);
  const startLine = lineAt(text, offset);
  const endLine = startLine + Math.max(0, replace.split('\n').length - 1);
  const removedLines = search.split('\n').length;
  const addedLines = replace === '' ? 0 : replace.split('\n').length;
  const base = { path: path.relative, tool: 'edit', search: input.search, replace: input.replace, startLine };
  const errorLine = await introducedSyntaxError(path.relative, text, updated, { start: startLine, end: endLine });
  if (errorLine !== undefined) {
    runtime.record({ type: 'edit-discarded', ...base, reason: `syntax error at line ${errorLine}` });
    return `edit not applied: it would introduce a syntax error at line ${errorLine} of ${path.relative} (the file is unchanged):\n${snippetAround(updated, errorLine)}\nFix the replace text (balanced brackets, quotes, indentation) and try again.`;
  }
  writeFileSync(path.absolute, updated);
  runtime.changed([path.relative]);
  runtime.record({ type: 'edit', ...base, removedLines, addedLines });
  const summary = addedLines === 0 ? `deleted ${removedLines} line${removedLines === 1 ? '' : 's'} at line ${startLine}` : `${startLine === endLine ? `line ${startLine} now reads` : `lines ${startLine}-${endLine} now read`} (${lineCount(updated)} lines in the file)`;
  return `edited ${path.relative}: ${summary}\n${changedRegion(updated, startLine, Math.max(startLine, endLine))}`;
}

/** The `edit` tool. */
export function createEditTool(runtime: ToolRuntime) {
  return tool({
    description:
      'Change an existing file by replacing one exact piece of text. `search` must match exactly once (whitespace included); ' +
      'copy it from `read` output without the line numbers. For several changes, call edit once per change. ' +
      'An edit that introduces a syntax error is refused and the file stays as it was.',
    inputSchema,
    execute: async (input) => runtime.finish(await runtime.serial(() => applyEdit(runtime, input)), 'read the file for the rest'),
  });
}
