/** Duplicated lines: windows of consecutive normalized lines that occur more than once across the files given. */

/** Lines per window: shorter runs are too common (closing braces, imports) to mean copied code. */
export const duplicationWindow = 4;

function normalizedLines(text: string): { index: number; text: string }[] {
  return text
    .split('\n')
    .map((line, index) => ({ index, text: line.replace(/\s+/g, ' ').trim() }))
    // Blank lines, comment lines and lines of punctuation only (`}`, `});`) carry no code of their own.
    .filter((line) => /[A-Za-z0-9]/.test(line.text) && !/^(\/\/|\/\*|\*|#)/.test(line.text));
}

/**
 * The number of lines (of all `files`, path -> text) that belong to a window of `window`
 * consecutive meaningful lines which appears again elsewhere, in the same file or another.
 */
export function duplicatedLines(files: ReadonlyMap<string, string>, window = duplicationWindow): number {
  const places = new Map<string, { path: string; lines: number[] }[]>();
  for (const [path, text] of files) {
    const lines = normalizedLines(text);
    for (let start = 0; start + window <= lines.length; start++) {
      const slice = lines.slice(start, start + window);
      const key = slice.map((line) => line.text).join('\n');
      const list = places.get(key) ?? [];
      list.push({ path, lines: slice.map((line) => line.index) });
      places.set(key, list);
    }
  }
  const duplicated = new Set<string>();
  for (const list of places.values()) {
    if (list.length < 2) continue;
    for (const place of list) for (const line of place.lines) duplicated.add(`${place.path}\0${line}`);
  }
  return duplicated.size;
}
