/** Converts V8 block coverage (byte ranges with counts) of one script into executed and not-executed lines. */
import type { FileCoverage } from './types.ts';

/** A V8 coverage range: UTF-16 offsets into the script and how often it ran. */
export interface V8Range {
  startOffset: number;
  endOffset: number;
  count: number;
}

/** A function of V8's coverage output; its first range spans the function, later ones its blocks. */
export interface V8Function {
  functionName?: string;
  ranges: V8Range[];
  isBlockCoverage?: boolean;
}

/** The count of the smallest range holding `offset`, or 0 when none does. */
function innermostCount(ranges: readonly V8Range[], offset: number): number {
  let best: V8Range | undefined;
  for (const range of ranges) {
    if (range.startOffset > offset || range.endOffset <= offset) continue;
    if (!best || range.endOffset - range.startOffset <= best.endOffset - best.startOffset) best = range;
  }
  return best?.count ?? 0;
}

/**
 * Which character of a line decides whether it ran: its first (the default: a line is executed when its
 * statement started), or its last, so that `export function f(a) {` counts only when `f` ran, not when the
 * module that declares it was loaded (the test map, where a signature change should select f's callers).
 */
export type LineProbe = 'first' | 'last';

/**
 * Classifies each of `lines` (1-based executable lines) of `source`: executed when the innermost range
 * holding the line's first character ran at least once. Offsets index the source as V8 saw it; Node's
 * TypeScript stripping replaces types with spaces, so they index the original file as well.
 */
export function v8FileCoverage(source: string, functions: readonly V8Function[], lines: ReadonlySet<number>, probeAt: LineProbe = 'first'): FileCoverage {
  const ranges = functions.flatMap((fn) => fn.ranges);
  const coverage: FileCoverage = { executed: new Set(), notExecuted: new Set() };
  let offset = 0;
  let number = 1;
  for (const text of source.split('\n')) {
    if (lines.has(number)) {
      const probe = probeAt === 'first' ? offset + (text.length - text.trimStart().length) : offset + Math.max(0, text.trimEnd().length - 1);
      (innermostCount(ranges, probe) > 0 ? coverage.executed : coverage.notExecuted).add(number);
    }
    offset += text.length + 1;
    number++;
  }
  return coverage;
}
