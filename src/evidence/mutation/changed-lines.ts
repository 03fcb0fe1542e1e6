/** The added lines of a change, new side, each with the hunk it belongs to. */
import type { Hunk } from '../../core/change.ts';

/** For each path, the 1-based new-side lines added by the hunks, mapped to their hunk id. */
export function changedLines(hunks: readonly Hunk[]): Map<string, Map<number, string>> {
  const byPath = new Map<string, Map<number, string>>();
  for (const hunk of hunks) {
    let lines = byPath.get(hunk.path);
    if (!lines) byPath.set(hunk.path, (lines = new Map()));
    for (const line of hunk.lines) if (line.type === '+' && line.newLine !== undefined) lines.set(line.newLine, hunk.id);
  }
  return byPath;
}
