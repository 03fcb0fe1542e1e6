/** Where an edit's search text occurs in a file, and, when it does not occur exactly once, how the model can fix it. */
import { lineAt } from './text-file.ts';

/** Character offsets of every non-overlapping occurrence of `search` in `text`. */
export function occurrences(text: string, search: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(search); at !== -1; at = text.indexOf(search, at + search.length)) found.push(at);
  return found;
}

/** `search text matched 3 times (lines 4, 18, 40); include more surrounding lines so it matches once` */
export function tooManyMatches(text: string, offsets: readonly number[]): string {
  const lines = offsets.slice(0, 10).map((offset) => lineAt(text, offset));
  const more = offsets.length > 10 ? ', …' : '';
  return `search text matched ${offsets.length} times (lines ${lines.join(', ')}${more}); include more surrounding lines so it matches once`;
}

const squash = (line: string) => line.trim().replace(/\s+/g, ' ');

/**
 * Why `search` does not occur in `text` at `path`, and what to do: the lines it matches when
 * indentation and spacing are ignored, or where its first line occurs, or to read the file again.
 */
export function noMatch(path: string, text: string, search: string): string {
  const fileLines = text.split('\n');
  const wanted = search.split('\n').map(squash);
  while (wanted.length > 0 && wanted[wanted.length - 1] === '') wanted.pop();
  while (wanted.length > 0 && wanted[0] === '') wanted.shift();
  if (wanted.length > 0) {
    const squashed = fileLines.map(squash);
    for (let start = 0; start + wanted.length <= squashed.length; start++) {
      if (wanted.every((line, index) => squashed[start + index] === line)) {
        return `search text not found in ${path}; it matches lines ${start + 1}-${start + wanted.length} when indentation and spacing are ignored: read those lines and copy them exactly, whitespace included`;
      }
    }
    const first = wanted[0]!;
    const at = squashed.findIndex((line) => line === first || (first.length >= 8 && line.includes(first)));
    if (at >= 0) {
      return `search text not found in ${path}; its first line occurs at line ${at + 1} but the lines after it differ: read lines ${at + 1}-${at + wanted.length + 2} and copy them exactly`;
    }
  }
  return `search text not found in ${path}; read the file (read with startLine/endLine) and copy the exact text you want to replace, whitespace included`;
}
