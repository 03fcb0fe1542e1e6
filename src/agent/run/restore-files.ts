/** Puts the files of an undo point back as they were: bytes, modes and symlinks; files the apply created are removed. */
import { chmodSync, copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, symlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { CodewrightError } from '../../core/errors.ts';
import { readFileState, sameState } from './file-state.ts';
import type { UndoEntry, UndoPoint } from './undo-point.ts';
import { backupPath } from './undo-point.ts';

function removeIfNotFolder(absolute: string, path: string): void {
  const stat = lstatSync(absolute, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isDirectory()) {
    throw new CodewrightError({ code: 'UNDO_CONFLICT', message: `${path} is a folder now; move it away, then run \`codewright undo\` again.`, data: { path } });
  }
  rmSync(absolute, { force: true });
}

function removeEmptyFolder(absolute: string): void {
  try {
    if (readdirSync(absolute).length === 0) rmdirSync(absolute);
  } catch {
    // gone already, or not a folder: nothing of ours to remove
  }
}

function restoreEntry(topLevel: string, point: UndoPoint, entry: UndoEntry): void {
  const absolute = join(topLevel, entry.path);
  const backup = backupPath(topLevel, point, entry);
  if (!backup) return;
  mkdirSync(dirname(absolute), { recursive: true });
  if (entry.before.type === 'symlink') {
    removeIfNotFolder(absolute, entry.path);
    symlinkSync(readFileSync(backup, 'utf8'), absolute);
    return;
  }
  if (lstatSync(absolute, { throwIfNoEntry: false })?.isDirectory()) removeIfNotFolder(absolute, entry.path);
  // Copy beside the file and rename over it: the file is never half-written.
  const temporary = join(dirname(absolute), `.${basename(absolute)}.codewright-undo-${randomBytes(3).toString('hex')}`);
  try {
    copyFileSync(backup, temporary);
    chmodSync(temporary, entry.before.mode ?? 0o644);
    renameSync(temporary, absolute);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Restores every file of `point` in `topLevel`: files that did not exist before are removed
 * (then the folders the apply created, when empty), the others get their old bytes and mode
 * back. Checks the result and throws INTERNAL naming the files that did not come back exactly.
 */
export function restoreFiles(topLevel: string, point: UndoPoint): void {
  for (const entry of point.files) if (entry.before.type === 'missing') removeIfNotFolder(join(topLevel, entry.path), entry.path);
  const folders = [...point.createdDirectories].sort((left, right) => right.length - left.length);
  for (const folder of folders) removeEmptyFolder(join(topLevel, folder));
  for (const entry of point.files) restoreEntry(topLevel, point, entry);
  const wrong = point.files.filter((entry) => (entry.before.type === 'file' || entry.before.type === 'symlink' || entry.before.type === 'missing') && !sameState(entry.before, readFileState(topLevel, entry.path)));
  if (wrong.length > 0) {
    throw new CodewrightError({
      code: 'INTERNAL',
      message: `Undo could not restore ${wrong.map((entry) => entry.path).join(', ')} exactly; their old bytes are in ${join(topLevel, '.codewright', 'undo', point.id, 'files')}.`,
      data: { files: wrong.map((entry) => entry.path), undoPoint: point.id },
    });
  }
}
