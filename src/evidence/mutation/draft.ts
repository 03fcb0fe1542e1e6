/** A mutant before it is placed in a file and a hunk: offsets, operator, original and replacement text. */
import { lineStarts, positionOf } from '../../core/line-starts.ts';
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
