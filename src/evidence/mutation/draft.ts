/** A mutant before it is placed in a file and a hunk: offsets, operator, original and replacement text. */
import type { Mutant, MutationOperator } from './types.ts';

export interface MutantDraft {
  /** Offset whose line decides whether the mutant is on a changed line (the operator, the keyword). */
  at: number;
  start: number;
  end: number;
  operator: MutationOperator;
  original: string;
  replacement: string;
}

/** 0-based offsets of the start of each line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** 1-based line and 0-based column of `offset`. */
export function positionOf(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! };
}

/** Places drafts on the changed lines of `path` (line → hunk id), dropping duplicates and unchanged lines. */
export function placeDrafts(path: string, text: string, drafts: readonly MutantDraft[], changed: ReadonlyMap<number, string>): Mutant[] {
  const starts = lineStarts(text);
  const seen = new Set<string>();
  const mutants: Mutant[] = [];
  for (const draft of drafts) {
    const { line, column } = positionOf(starts, draft.at);
    const hunkId = changed.get(line);
    const key = `${draft.start}:${draft.end}:${draft.replacement}`;
    if (hunkId === undefined || seen.has(key) || draft.original === draft.replacement) continue;
    seen.add(key);
    const { at: _at, ...rest } = draft;
    mutants.push({ id: `${path}:${line}:${column}:${draft.operator}`, path, line, column, hunkId, ...rest });
  }
  return mutants.sort((left, right) => left.start - right.start || left.end - right.end);
}
