/** A minimal unified-diff reader for tests: `git diff` text to a Change (text files, renames, adds and deletes). */
import type { Change, FileChange, FileChangeKind, Hunk } from '../../../core/change.ts';

const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

function stripPrefix(path: string): string | null {
  if (path === '/dev/null') return null;
  return path.replace(/^[ab]\//, '');
}

/** Reads `git diff` output (no --binary data) into files and hunks with numbered lines. */
export function parseDiff(patch: string, base: string): Change {
  const files: FileChange[] = [];
  let file: FileChange | undefined;
  let hunk: Hunk | undefined;
  let oldLine = 0;
  let newLine = 0;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      const [, oldPath = '', newPath = ''] = /^diff --git a\/(.*) b\/(.*)$/.exec(line) ?? [];
      file = { kind: 'modified', oldPath, newPath, binary: false, hunks: [] };
      files.push(file);
      hunk = undefined;
      continue;
    }
    if (!file) continue;
    const kinds: Array<[string, FileChangeKind]> = [['new file mode', 'added'], ['deleted file mode', 'deleted'], ['rename from', 'renamed'], ['copy from', 'copied']];
    const kind = kinds.find(([prefix]) => line.startsWith(prefix));
    if (kind && !hunk) file.kind = kind[1];
    if (line.startsWith('--- ') && !hunk) file.oldPath = stripPrefix(line.slice(4));
    else if (line.startsWith('+++ ') && !hunk) file.newPath = stripPrefix(line.slice(4));
    else if (line.startsWith('Binary files')) file.binary = true;
    const match = header.exec(line);
    if (match) {
      const [, oldStart = '0', oldLines = '1', newStart = '0', newLines = '1', text = ''] = match;
      const path = file.newPath ?? file.oldPath ?? '';
      hunk = { id: `${path}#${file.hunks.length}`, path, oldStart: Number(oldStart), oldLines: Number(oldLines), newStart: Number(newStart), newLines: Number(newLines), header: text, lines: [] };
      file.hunks.push(hunk);
      oldLine = hunk.oldStart;
      newLine = hunk.newStart;
      continue;
    }
    if (!hunk) continue;
    if (line.startsWith('+')) hunk.lines.push({ type: '+', text: line.slice(1), newLine: newLine++ });
    else if (line.startsWith('-')) hunk.lines.push({ type: '-', text: line.slice(1), oldLine: oldLine++ });
    else if (line.startsWith(' ')) hunk.lines.push({ type: ' ', text: line.slice(1), oldLine: oldLine++, newLine: newLine++ });
  }
  for (const entry of files) {
    if (entry.kind === 'added') entry.oldPath = null;
    if (entry.kind === 'deleted') entry.newPath = null;
  }
  return { files, base, patch };
}
