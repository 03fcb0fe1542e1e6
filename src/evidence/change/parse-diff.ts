/** Parses a git-format unified diff into a `Change`, returning an error for malformed or truncated text. */
import type { Change, FileChange } from '../../core/change.ts';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import { skipBinaryPatch } from './parse-binary.ts';
import { readFileHeader } from './parse-file-header.ts';
import type { DiffParseError } from './parse-hunk.ts';
import { isHunkHeader, readHunk } from './parse-hunk.ts';

export type { DiffParseError } from './parse-hunk.ts';

function startsFile(lines: readonly string[], at: number): boolean {
  const line = lines[at] ?? '';
  return line.startsWith('diff --git ') || (line.startsWith('--- ') && (lines[at + 1] ?? '').startsWith('+++ '));
}

function readFile(lines: readonly string[], start: number): Result<{ file: FileChange; next: number }, DiffParseError> {
  const header = readFileHeader(lines, start);
  if (!header.success) return header;
  const { kind, oldPath, newPath, binary, hasContentLines } = header.value;
  const path = newPath ?? oldPath ?? '';
  const file: FileChange = { kind, oldPath, newPath, binary: binary !== 'none', hunks: [] };
  let at = header.value.next;
  if (binary === 'patch') {
    const skipped = skipBinaryPatch(lines, at, path);
    if (!skipped.success) return skipped;
    return ok({ file, next: skipped.value });
  }
  while (isHunkHeader(lines[at] ?? '')) {
    if (!hasContentLines || binary !== 'none') {
      return fail({ message: `${path}: a hunk at line ${at + 1} without \`---\`/\`+++\` lines before it; the patch is damaged.`, file: path, line: at + 1 });
    }
    const hunk = readHunk(lines, at, path, file.hunks.length);
    if (!hunk.success) return hunk;
    file.hunks.push(hunk.value.hunk);
    at = hunk.value.next;
  }
  return ok({ file, next: at });
}

function stray(line: string, at: number): DiffParseError | undefined {
  if (isHunkHeader(line)) return { message: `A hunk at line ${at + 1} has no file header (\`diff --git\` or \`---\`/\`+++\`); the patch is damaged.`, line: at + 1 };
  if (line.startsWith('diff --cc ') || line.startsWith('diff --combined ') || line.startsWith('@@@ ')) {
    return { message: `Line ${at + 1} is part of a combined (merge) diff, which cannot be applied; give a plain \`git diff\` against one base.`, line: at + 1 };
  }
  return undefined;
}

/** A line right after a hunk that still looks like hunk content: the header's counts are too small. */
function leftover(file: FileChange, line: string | undefined, at: number): DiffParseError | undefined {
  const hunk = file.hunks.at(-1);
  if (!hunk || line === undefined) return undefined;
  const continues = /^[+ ]/.test(line) || (line.startsWith('-') && line !== '-- ' && !line.startsWith('--- '));
  if (!continues) return undefined;
  return {
    message: `${hunk.path}: hunk ${hunk.id} has more lines than its header (@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@) says; line ${at + 1} is left over. The patch was edited by hand; make it again with \`git diff\`.`,
    file: hunk.path,
    hunk: hunk.id,
    line: at + 1,
  };
}

/**
 * Parses a git-format unified diff (`git diff`, `git diff --binary`, `git format-patch`, or a
 * plain `diff -u` with `---`/`+++` headers). Never throws: malformed text, truncated hunks and
 * damaged binary data give an error naming the file and hunk. Empty text gives a change without
 * files. `base` is copied into the change; `patch` is the text itself.
 */
export function parseDiff(text: string, options: { base?: string } = {}): Result<Change, DiffParseError> {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const files: FileChange[] = [];
  let at = 0;
  while (at < lines.length) {
    const line = (lines[at] ?? '').replace(/\r$/, '');
    if (startsFile(lines, at)) {
      const file = readFile(lines, at);
      if (!file.success) return file;
      const extra = leftover(file.value.file, lines[file.value.next], file.value.next);
      if (extra) return fail(extra);
      files.push(file.value.file);
      at = file.value.next;
      continue;
    }
    const problem = stray(line, at);
    if (problem) return fail(problem);
    at += 1;
  }
  if (files.length === 0 && text.trim() !== '') {
    return fail({ message: 'The patch has no file headers (`diff --git` or `---`/`+++`): is it a unified diff? Make one with `git diff > change.diff`.' });
  }
  return ok({ files, base: options.base ?? '', patch: text });
}
