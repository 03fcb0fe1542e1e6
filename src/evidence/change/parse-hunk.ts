/** Reads one `@@ -a,b +c,d @@` hunk of a unified diff, numbering its lines on both sides. */
import type { Hunk, HunkLine } from '../../core/change.ts';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';

/** Why a patch could not be read: which file and hunk, and the 1-based line of the patch text. */
export interface DiffParseError {
  message: string;
  /** The file's path (new path, or old path for deletions). */
  file?: string;
  /** The hunk id, `<path>#<index>`. */
  hunk?: string;
  /** 1-based line in the patch text. */
  line?: number;
}

const headerPattern = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(?: ?(.*))?$/;

/** True for the first line of a hunk. */
export function isHunkHeader(line: string): boolean {
  return line.startsWith('@@ ');
}

interface Counts {
  oldLeft: number;
  newLeft: number;
  oldLine: number;
  newLine: number;
}

function take(counts: Counts, marker: string, text: string): HunkLine | undefined {
  if (marker === ' ' && counts.oldLeft > 0 && counts.newLeft > 0) {
    counts.oldLeft -= 1;
    counts.newLeft -= 1;
    return { type: ' ', text, oldLine: counts.oldLine++, newLine: counts.newLine++ };
  }
  if (marker === '-' && counts.oldLeft > 0) {
    counts.oldLeft -= 1;
    return { type: '-', text, oldLine: counts.oldLine++ };
  }
  if (marker === '+' && counts.newLeft > 0) {
    counts.newLeft -= 1;
    return { type: '+', text, newLine: counts.newLine++ };
  }
  return undefined;
}

/**
 * Reads the hunk whose header is `lines[start]` for the file `path` (its `index`-th hunk).
 * The header's counts decide where the hunk ends; a hunk that ends early, or has a line its
 * counts do not allow, is an error naming the file and the hunk (a truncated or hand-edited patch).
 */
export function readHunk(
  lines: readonly string[],
  start: number,
  path: string,
  index: number,
): Result<{ hunk: Hunk; next: number }, DiffParseError> {
  const id = `${path}#${index}`;
  const headerLine = (lines[start] ?? '').replace(/\r$/, '');
  const match = headerPattern.exec(headerLine);
  if (!match) {
    return fail({ message: `${path}: hunk ${id} has a malformed header at line ${start + 1}: ${headerLine}`, file: path, hunk: id, line: start + 1 });
  }
  const [, oldStart = '0', oldCount = '1', newStart = '0', newCount = '1', header = ''] = match;
  const hunk: Hunk = {
    id, path, oldStart: Number(oldStart), oldLines: Number(oldCount), newStart: Number(newStart), newLines: Number(newCount), header, lines: [],
  };
  const counts: Counts = { oldLeft: hunk.oldLines, newLeft: hunk.newLines, oldLine: hunk.oldStart, newLine: hunk.newStart };
  let at = start + 1;
  while (counts.oldLeft > 0 || counts.newLeft > 0) {
    const raw = lines[at];
    if (raw?.startsWith('\\')) {
      at += 1;
      continue;
    }
    // Some tools strip the space of blank context lines (diff.suppressBlankEmpty, editors).
    const line = raw === undefined ? undefined : raw === '' ? take(counts, ' ', '') : take(counts, raw[0] ?? '', raw.slice(1));
    if (!line) {
      const got = `${hunk.oldLines - counts.oldLeft} old and ${hunk.newLines - counts.newLeft} new`;
      const where = raw === undefined ? 'the patch ends' : `line ${at + 1} does not fit`;
      return fail({
        message: `${path}: hunk ${id} (@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@) is incomplete: its header promises ${hunk.oldLines} old and ${hunk.newLines} new lines, but ${where} after ${got}. The patch is truncated or was edited by hand; make it again with \`git diff\`.`,
        file: path,
        hunk: id,
        line: raw === undefined ? lines.length : at + 1,
      });
    }
    hunk.lines.push(line);
    at += 1;
  }
  if (lines[at]?.startsWith('\\')) at += 1;
  return ok({ hunk, next: at });
}
