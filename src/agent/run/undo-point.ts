/** Undo points under `.codewright/undo/<time>/`: the bytes and modes of the files an apply changes, before and after. */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dataDirectory } from '../../atlas/store/database.ts';
import { parseJson } from '../../core/result.ts';
import type { FileState } from './file-state.ts';
import { readFileState } from './file-state.ts';
import { writeJsonAtomic } from '../../core/write-atomic.ts';

/** One file an apply touches. */
export interface UndoEntry {
  path: string;
  before: FileState;
  /** `files/<n>` in the undo point: the bytes before (a symlink's target), when the file existed. */
  backup?: string;
  /** The state right after the apply; undo refuses when the file no longer matches it. */
  after?: FileState;
}

/** `undo.json` of an undo point. */
export interface UndoPoint {
  version: 1;
  /** The folder name: the time of the apply and a random suffix, so names sort by time. */
  id: string;
  runId: string;
  candidate: string;
  createdAt: string;
  files: UndoEntry[];
  /** Folders the apply created for new files (removed again by undo when empty). */
  createdDirectories: string[];
  /** Set once the point has been undone. */
  used?: { at: string; forced: boolean };
}

/** `<root>/.codewright/undo`. */
export function undoDirectory(topLevel: string): string {
  return join(dataDirectory(topLevel), 'undo');
}

function pointId(now: Date): string {
  return `${now.toISOString().replace(/[-:.]/g, '').replace(/Z$/, '')}-${randomBytes(3).toString('hex')}`;
}

function missingParents(topLevel: string, path: string): string[] {
  const created: string[] = [];
  for (let folder = dirname(path); folder !== '.' && folder !== '/' && !existsSync(join(topLevel, folder)); folder = dirname(folder)) created.push(folder);
  return created;
}

/**
 * Saves the current bytes and modes of `paths` (relative to `topLevel`) into a new undo point;
 * the point appears whole (written in a temporary folder, then renamed).
 */
export function writeUndoPoint(topLevel: string, details: { runId: string; candidate: string; paths: readonly string[] }): UndoPoint {
  const now = new Date();
  const point: UndoPoint = { version: 1, id: pointId(now), runId: details.runId, candidate: details.candidate, createdAt: now.toISOString(), files: [], createdDirectories: [] };
  const parent = undoDirectory(topLevel);
  const scratch = join(parent, `.${point.id}.tmp`);
  mkdirSync(join(scratch, 'files'), { recursive: true });
  try {
    const folders = new Set<string>();
    details.paths.forEach((path, index) => {
      const before = readFileState(topLevel, path);
      const entry: UndoEntry = { path, before };
      if (before.type === 'file' || before.type === 'symlink') {
        entry.backup = `files/${index}`;
        if (before.type === 'file') copyFileSync(join(topLevel, path), join(scratch, entry.backup));
        else writeFileSync(join(scratch, entry.backup), readlinkSync(join(topLevel, path)));
      } else if (before.type === 'missing') {
        for (const folder of missingParents(topLevel, path)) folders.add(folder);
      }
      point.files.push(entry);
    });
    point.createdDirectories = [...folders];
    writeJsonAtomic(join(scratch, 'undo.json'), point);
    renameSync(scratch, join(parent, point.id));
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  return point;
}

/** Rewrites `undo.json` of a point (after states, used). */
export function saveUndoPoint(topLevel: string, point: UndoPoint): void {
  writeJsonAtomic(join(undoDirectory(topLevel), point.id, 'undo.json'), point);
}

/** Removes an undo point whose apply did not happen. */
export function discardUndoPoint(topLevel: string, point: UndoPoint): void {
  rmSync(join(undoDirectory(topLevel), point.id), { recursive: true, force: true });
}

/** The path of a backup file of a point. */
export function backupPath(topLevel: string, point: UndoPoint, entry: UndoEntry): string | undefined {
  return entry.backup ? join(undoDirectory(topLevel), point.id, entry.backup) : undefined;
}

/** Undo points, newest first; unreadable ones are skipped. */
export function listUndoPoints(topLevel: string): UndoPoint[] {
  const parent = undoDirectory(topLevel);
  if (!existsSync(parent)) return [];
  const points: UndoPoint[] = [];
  for (const name of readdirSync(parent).filter((entry) => !entry.startsWith('.')).sort().reverse()) {
    const file = join(parent, name, 'undo.json');
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
    const parsed = parseJson(readFileSync(file, 'utf8'));
    const point = parsed.success ? (parsed.value as UndoPoint) : undefined;
    if (point && point.id === name && Array.isArray(point.files)) points.push(point);
  }
  return points;
}
