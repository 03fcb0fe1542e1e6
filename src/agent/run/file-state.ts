/** What a path of the user's tree holds (a file's bytes and mode, a symlink, nothing), to tell whether it changed. */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/** A path's content: `sha256` of the bytes (of the link target for a symlink) and the permission bits. */
export interface FileState {
  type: 'file' | 'symlink' | 'missing' | 'other';
  mode?: number;
  sha256?: string;
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The state of `path` (relative to `topLevel`), without following a symlink. */
export function readFileState(topLevel: string, path: string): FileState {
  const absolute = join(topLevel, path);
  const stat = lstatSync(absolute, { throwIfNoEntry: false });
  if (!stat) return { type: 'missing' };
  if (stat.isSymbolicLink()) return { type: 'symlink', sha256: sha256(readlinkSync(absolute)) };
  if (!stat.isFile()) return { type: 'other' };
  return { type: 'file', mode: stat.mode & 0o7777, sha256: sha256(readFileSync(absolute)) };
}

/** True when two states hold the same content and mode. */
export function sameState(left: FileState, right: FileState): boolean {
  return left.type === right.type && left.sha256 === right.sha256 && left.mode === right.mode;
}
