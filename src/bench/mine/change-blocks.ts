/** The places a patch changes in its base files: runs of added and removed lines, as intervals of base line numbers. */
import type { Change, Hunk } from '../../core/change.ts';

/** One run of changes: the base lines it replaces (a gap between lines for a pure insertion) and the new lines it adds. */
export interface ChangeBlock {
  /** First and last base line touched; an insertion after line n is [n + 0.5, n + 0.5]. */
  from: number;
  to: number;
  /** New-side line numbers of the added lines. */
  added: number[];
}

function hunkBlocks(hunk: Hunk): ChangeBlock[] {
  const blocks: ChangeBlock[] = [];
  let lastOld = hunk.oldStart - 1;
  let current: { removed: number[]; added: number[]; gap: number } | undefined;
  const close = () => {
    if (!current) return;
    const from = current.removed.length > 0 ? Math.min(...current.removed) : current.gap;
    const to = current.removed.length > 0 ? Math.max(...current.removed) : current.gap;
    blocks.push({ from, to, added: current.added });
    current = undefined;
  };
  for (const line of hunk.lines) {
    if (line.type === ' ') {
      close();
      lastOld = line.oldLine ?? lastOld;
      continue;
    }
    current ??= { removed: [], added: [], gap: lastOld + 0.5 };
    if (line.type === '-') {
      lastOld = line.oldLine ?? lastOld;
      current.removed.push(lastOld);
    } else current.added.push(line.newLine ?? 0);
  }
  close();
  return blocks;
}

/** Blocks per base path (the new path for files the patch creates). */
export function changeBlocks(change: Change): Map<string, ChangeBlock[]> {
  const byPath = new Map<string, ChangeBlock[]>();
  for (const file of change.files) {
    const path = file.oldPath ?? file.newPath;
    if (path === null) continue;
    byPath.set(path, [...(byPath.get(path) ?? []), ...file.hunks.flatMap(hunkBlocks)]);
  }
  return byPath;
}

/** True when two blocks touch the same base lines or lie within one line of each other. */
export function blocksMeet(left: ChangeBlock, right: ChangeBlock): boolean {
  return left.from <= right.to + 1 && right.from <= left.to + 1;
}
