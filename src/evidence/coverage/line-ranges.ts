/** Groups line numbers into ranges and names them for messages: "line 4", "lines 4-6, 9". */

/** Sorted ranges of `lines`; two lines share a range when every line between them is in `bridge`. */
export function lineRanges(lines: Iterable<number>, bridge: ReadonlySet<number> = new Set()): [number, number][] {
  const ranges: [number, number][] = [];
  for (const line of [...new Set(lines)].sort((a, b) => a - b)) {
    const last = ranges.at(-1);
    let bridged = last !== undefined;
    for (let between = (last?.[1] ?? line) + 1; bridged && between < line; between++) bridged = bridge.has(between);
    if (last && bridged) last[1] = line;
    else ranges.push([line, line]);
  }
  return ranges;
}

/** `line 4`, `lines 4-6`, `lines 4-6, 9`. */
export function formatLineRanges(ranges: readonly [number, number][]): string {
  const parts = ranges.map(([start, end]) => (start === end ? `${start}` : `${start}-${end}`));
  const single = ranges.length === 1 && ranges[0]![0] === ranges[0]![1];
  return `${single ? 'line' : 'lines'} ${parts.join(', ')}`;
}
