/** Reads the header of one file in a git diff: `diff --git`, modes, renames, copies, `---`/`+++`. */
import type { FileChangeKind } from '../../core/change.ts';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import { readPathToken, splitGitHeader, stripPrefix } from './diff-paths.ts';
import type { DiffParseError } from './parse-hunk.ts';

/** What a file header says, before its hunks or binary data. */
export interface FileHeader {
  kind: FileChangeKind;
  oldPath: string | null;
  newPath: string | null;
  /** `Binary files … differ` or `GIT binary patch` follows. */
  binary: 'none' | 'differ' | 'patch';
  /** Whether `---`/`+++` lines were present (hunks need them). */
  hasContentLines: boolean;
  /** The next line to read. */
  next: number;
}

interface Fields {
  header?: { oldPath: string; newPath: string };
  added: boolean;
  deleted: boolean;
  rename: { from?: string; to?: string };
  copy: { from?: string; to?: string };
  minus?: string | null;
  plus?: string | null;
}

const pathKeys: Record<string, (fields: Fields, path: string) => void> = {
  'rename from ': (fields, path) => (fields.rename.from = path),
  'rename to ': (fields, path) => (fields.rename.to = path),
  'copy from ': (fields, path) => (fields.copy.from = path),
  'copy to ': (fields, path) => (fields.copy.to = path),
};
const ignoredKeys = ['old mode ', 'new mode ', 'similarity index ', 'dissimilarity index ', 'index '];

function resolve(fields: Fields, plain: boolean): Omit<FileHeader, 'binary' | 'hasContentLines' | 'next'> | undefined {
  const moved = fields.rename.from !== undefined ? fields.rename : fields.copy.from !== undefined ? fields.copy : undefined;
  let oldPath = moved?.from ?? (fields.minus !== undefined ? fields.minus : (fields.header?.oldPath ?? null));
  let newPath = moved?.to ?? (fields.plus !== undefined ? fields.plus : (fields.header?.newPath ?? null));
  if (fields.added || (fields.minus === null && !moved)) oldPath = null;
  if (fields.deleted || (fields.plus === null && !moved)) newPath = null;
  if (oldPath === null && newPath === null) return undefined;
  if (moved && (oldPath === null || newPath === null)) return undefined;
  const kind: FileChangeKind =
    fields.rename.from !== undefined ? 'renamed' : fields.copy.from !== undefined ? 'copied' : oldPath === null ? 'added' : newPath === null ? 'deleted' : 'modified';
  // A plain diff names the same file twice (`--- a/x.orig`, `+++ b/x`): the new name is the file.
  return plain && kind === 'modified' ? { kind, oldPath: newPath, newPath } : { kind, oldPath, newPath };
}

/**
 * Reads a file header starting at `start`: a `diff --git` line and its extended lines, or a
 * plain `---`/`+++` pair. Returns the header and the line after it.
 */
export function readFileHeader(lines: readonly string[], start: number): Result<FileHeader, DiffParseError> {
  const first = (lines[start] ?? '').replace(/\r$/, '');
  const plain = !first.startsWith('diff --git ');
  const fields: Fields = { added: false, deleted: false, rename: {}, copy: {} };
  if (!plain) fields.header = splitGitHeader(first.slice('diff --git '.length));
  let at = plain ? start : start + 1;
  let binary: FileHeader['binary'] = 'none';
  let hasContentLines = false;
  while (at < lines.length) {
    const line = (lines[at] ?? '').replace(/\r$/, '');
    const key = Object.keys(pathKeys).find((prefix) => line.startsWith(prefix));
    if (key) {
      const path = readPathToken(line.slice(key.length));
      if (path === undefined) return fail({ message: `Unreadable path at line ${at + 1}: ${line}`, line: at + 1 });
      pathKeys[key]?.(fields, path);
    } else if (line.startsWith('new file mode ')) fields.added = true;
    else if (line.startsWith('deleted file mode ')) fields.deleted = true;
    else if (line.startsWith('--- ') && (lines[at + 1] ?? '').startsWith('+++ ')) {
      const minus = readPathToken(line.slice(4));
      const plus = readPathToken((lines[at + 1] ?? '').replace(/\r$/, '').slice(4));
      if (minus === undefined || plus === undefined) return fail({ message: `Unreadable file names at line ${at + 1}: ${line}`, line: at + 1 });
      fields.minus = stripPrefix(minus);
      fields.plus = stripPrefix(plus);
      hasContentLines = true;
      at += 2;
      break;
    } else if (line.startsWith('Binary files ') && line.endsWith(' differ')) {
      binary = 'differ';
      at += 1;
      break;
    } else if (line === 'GIT binary patch') {
      binary = 'patch';
      at += 1;
      break;
    } else if (plain || !ignoredKeys.some((prefix) => line.startsWith(prefix))) break;
    at += 1;
  }
  const resolved = resolve(fields, plain);
  if (!resolved) {
    return fail({ message: `Cannot tell which file the diff header at line ${start + 1} is about: ${first}. Is the patch complete?`, line: start + 1 });
  }
  return ok({ ...resolved, binary, hasContentLines, next: at });
}
