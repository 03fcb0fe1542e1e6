/** Where the lines of a text start, and which line an offset falls on: shared by parsing, coverage and mutation. */

/**
 * 0-based offsets of the start of each line. A function of its own rather than a loop in a caller's
 * constructor: V8 compiled such a loop on stack replacement and then left the compiled code at the
 * loop's exit on every later call (a deoptimisation per parsed file).
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** 0-based index of the line that contains `offset` (binary search over `lineStarts`). */
export function lineIndexOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** 1-based line and 0-based column of `offset`. */
export function positionOf(starts: readonly number[], offset: number): { line: number; column: number } {
  const index = lineIndexOf(starts, offset);
  return { line: index + 1, column: offset - starts[index]! };
}
