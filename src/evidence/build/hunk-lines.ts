/** Where the lines of a change sit: the files it leaves, their added lines, the hunk holding a line, old lines mapped to new. */
import type { Change, FileChange, Hunk } from '../../core/change.ts';

/** A file present after the change (added, modified, renamed or copied), with its added lines. */
export interface ChangedFile {
  /** Path in the changed worktree. */
  path: string;
  /** Path in the base worktree; null when the change adds the file. */
  oldPath: string | null;
  hunks: Hunk[];
  /** New-side numbers of the added lines. */
  addedLines: Set<number>;
}

interface NumberedLine {
  type: ' ' | '+' | '-';
  oldLine?: number;
  newLine?: number;
}

/** Numbers every line of a hunk from its start lines (diff parsers do not always fill them in). */
function numberLines(hunk: Hunk): NumberedLine[] {
  let oldLine = hunk.oldStart;
  let newLine = hunk.newStart;
  return hunk.lines.map((line) => {
    if (line.type === '+') return { type: line.type, newLine: newLine++ };
    if (line.type === '-') return { type: line.type, oldLine: oldLine++ };
    return { type: line.type, oldLine: oldLine++, newLine: newLine++ };
  });
}

/** The files a change leaves in the changed worktree, text only, with the new-side numbers of added lines. */
export function changedFiles(change: Change): ChangedFile[] {
  const files: ChangedFile[] = [];
  for (const file of change.files) {
    if (file.kind === 'deleted' || file.binary || file.newPath === null) continue;
    const addedLines = new Set<number>();
    for (const hunk of file.hunks) {
      for (const line of numberLines(hunk)) if (line.type === '+' && line.newLine !== undefined) addedLines.add(line.newLine);
    }
    files.push({ path: file.newPath, oldPath: file.kind === 'added' ? null : file.oldPath, hunks: file.hunks, addedLines });
  }
  return files;
}

/** The hunk of `path` whose new side spans `line`, if any. */
export function hunkAt(hunks: readonly Hunk[], path: string, line: number): Hunk | undefined {
  return hunks.find((hunk) => hunk.path === path && line >= hunk.newStart && line < hunk.newStart + Math.max(hunk.newLines, 1));
}

/** The hunk of a file whose old side spans `line`, if any. */
export function hunkAtOldLine(file: FileChange, line: number): Hunk | undefined {
  return file.hunks.find((hunk) => hunk.oldLines > 0 && line >= hunk.oldStart && line < hunk.oldStart + hunk.oldLines);
}

/** Maps a line of the base version of a file to its number after the change; undefined when the change removed it. */
export function mapOldLine(file: FileChange, oldLine: number): number | undefined {
  let delta = 0;
  const hunks = [...file.hunks].sort((a, b) => a.oldStart - b.oldStart);
  for (const hunk of hunks) {
    // A pure insertion (`-5,0`) goes after old line 5; otherwise the hunk starts at oldStart.
    const firstOld = hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart;
    if (oldLine < firstOld) return oldLine + delta;
    if (oldLine < firstOld + hunk.oldLines) {
      const numbered = numberLines(hunk).find((line) => line.oldLine === oldLine);
      return numbered?.type === ' ' ? numbered.newLine : undefined;
    }
    delta += hunk.newLines - hunk.oldLines;
  }
  return oldLine + delta;
}

/** The change of the file whose base path is `oldPath`, if the change touches it. */
export function fileChangeByOldPath(change: Change, oldPath: string): FileChange | undefined {
  return change.files.find((file) => file.oldPath === oldPath && file.kind !== 'added' && file.kind !== 'copied');
}

/** Ids of the hunks of the given new-side paths. */
export function hunkIdsOf(hunks: readonly Hunk[], paths: Iterable<string>): string[] {
  const wanted = new Set(paths);
  return hunks.filter((hunk) => wanted.has(hunk.path)).map((hunk) => hunk.id);
}
