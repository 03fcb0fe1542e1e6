/** Turns `git apply` error output into a message naming the file and hunk that did not apply. */
import type { Change, FileChange, Hunk } from '../../core/change.ts';

/** Why a patch did not apply, pointing at a file and hunk when git says which. */
export interface ApplyFailure {
  message: string;
  file?: string;
  /** The hunk id, `<path>#<index>`. */
  hunk?: string;
}

const filePatterns: RegExp[] = [
  /^(.+): patch does not apply$/,
  /^(.+): (does not exist in (?:index|working directory)|No such file or directory|already exists in (?:index|working directory)|does not match index|wrong type)$/,
  /^the patch applies to '(.+)' \(/,
  /^cannot apply binary patch to '(.+)' without full index line$/,
  /^binary patch does not apply to '(.+)'$/,
];

function findFile(change: Change, path: string): FileChange | undefined {
  return change.files.find((file) => file.newPath === path || file.oldPath === path);
}

function hunkAt(file: FileChange | undefined, line: number): Hunk | undefined {
  // git reports the hunk's old start line (for new files, 0 or 1).
  return file?.hunks.find((hunk) => hunk.oldStart === line) ?? file?.hunks.find((hunk) => hunk.oldLines === 0 && hunk.oldStart + 1 === line);
}

/**
 * Reads git apply's stderr (`error: patch failed: src/a.ts:12`, `error: src/a.ts: patch does not
 * apply`, `error: x: does not exist in index` …) and names the file and hunk of `change` at fault.
 */
export function describeApplyFailure(stderr: string, change: Change, baseName: string): ApplyFailure {
  const errors = stderr.split('\n').map((line) => line.replace(/^error: /, '').trim()).filter((line) => line !== '');
  let path: string | undefined;
  let hunk: Hunk | undefined;
  let reason: string | undefined;
  for (const line of errors) {
    const failed = /^patch failed: (.+):(\d+)$/.exec(line);
    if (failed && !hunk) {
      path = failed[1];
      hunk = hunkAt(findFile(change, failed[1] ?? ''), Number(failed[2]));
      continue;
    }
    const match = filePatterns.map((pattern) => pattern.exec(line)).find((found) => found);
    if (match) {
      path ??= match[1];
      reason ??= match[2] ?? line.replace(`${match[1]}: `, '');
    }
  }
  const where = hunk
    ? `${hunk.path}, hunk ${hunk.id} (@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@${hunk.header ? ` ${hunk.header}` : ''})`
    : path;
  const detail = reason ?? errors[0] ?? 'git apply failed without a message';
  const message = where
    ? `The patch does not apply to ${baseName}: ${where}: ${hunk ? 'the lines around it do not match' : detail}. Make the patch against ${baseName}, or pass --base with the revision it was made from.`
    : `The patch does not apply to ${baseName}: ${detail}.`;
  return { message, ...(path ? { file: path } : {}), ...(hunk ? { hunk: hunk.id } : {}) };
}
