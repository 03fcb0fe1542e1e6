/** A small unified-diff reader for tests: git diff text -> files and hunks with line numbers. */
import type { Change, FileChange, Hunk } from '../../../core/change.ts';

function stripPrefix(path: string): string | null {
  if (path === '/dev/null') return null;
  return path.replace(/^[ab]\//, '');
}

/** Parses `git diff` output (no binary data) into a Change against `base`. */
export function parseGitDiff(patch: string, base: string): Change {
  const files: FileChange[] = [];
  let file: FileChange | undefined;
  let hunk: Hunk | undefined;
  let oldLine = 0;
  let newLine = 0;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      const match = /^diff --git a\/(.+) b\/(.+)$/.exec(line);
      file = { kind: 'modified', oldPath: match?.[1] ?? null, newPath: match?.[2] ?? null, binary: false, hunks: [] };
      files.push(file);
      hunk = undefined;
    } else if (!file) {
      continue;
    } else if (line.startsWith('new file mode')) {
      file.kind = 'added';
      file.oldPath = null;
    } else if (line.startsWith('deleted file mode')) {
      file.kind = 'deleted';
      file.newPath = null;
    } else if (line.startsWith('rename from ')) {
      file.kind = 'renamed';
    } else if (line.startsWith('--- ') && !hunk) {
      file.oldPath = stripPrefix(line.slice(4));
    } else if (line.startsWith('+++ ') && !hunk) {
      file.newPath = stripPrefix(line.slice(4));
    } else if (line.startsWith('@@')) {
      const match = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/.exec(line)!;
      const path = file.newPath ?? file.oldPath ?? '';
      hunk = {
        id: `${path}#${file.hunks.length}`,
        path,
        oldStart: Number(match[1]),
        oldLines: Number(match[2] ?? 1),
        newStart: Number(match[3]),
        newLines: Number(match[4] ?? 1),
        header: match[5] ?? '',
        lines: [],
      };
      file.hunks.push(hunk);
      oldLine = hunk.oldStart;
      newLine = hunk.newStart;
    } else if (hunk && (line.startsWith('+') || line.startsWith('-') || line.startsWith(' '))) {
      const type = line[0] as ' ' | '+' | '-';
      const text = line.slice(1);
      if (type === '+') hunk.lines.push({ type, text, newLine: newLine++ });
      else if (type === '-') hunk.lines.push({ type, text, oldLine: oldLine++ });
      else hunk.lines.push({ type, text, oldLine: oldLine++, newLine: newLine++ });
    }
  }
  return { files, base, patch };
}
