/** The files a candidate's diff touches, read once for the success checks: which are present, deleted, and tests. */
import type { FileChange } from '../../../core/change.ts';
import { type Result, fail, ok } from '../../../core/result.ts';
import { parseDiff } from '../../../evidence/change/parse-diff.ts';
import { testFilesAmong } from '../../scaling/run-tests-in.ts';

/** A candidate's diff by file. */
export interface DiffFileSet {
  files: FileChange[];
  /** New-side paths of files the diff adds, modifies, renames or copies. */
  present: string[];
  /** Old-side paths of files the diff deletes. */
  deleted: string[];
}

/** Parses the diff of a candidate; a damaged diff gives a message instead of throwing. */
export function readDiffFiles(diff: string): Result<DiffFileSet, string> {
  const parsed = parseDiff(diff);
  if (!parsed.success) return fail(`the candidate's diff could not be read: ${parsed.error.message}`);
  const files = parsed.value.files;
  const present = files.flatMap((file) => (file.kind !== 'deleted' && file.newPath !== null ? [file.newPath] : []));
  const deleted = files.flatMap((file) => (file.kind === 'deleted' && file.oldPath !== null ? [file.oldPath] : []));
  return ok({ files, present, deleted });
}

/** The test files (by the conventions of the runners found in `root`) among the files a diff adds or changes. */
export function changedTestFiles(root: string, set: DiffFileSet, timeoutMs: number): Promise<string[]> {
  return testFilesAmong(root, set.present, timeoutMs);
}

/** New-side line numbers the diff adds to `path`. */
export function addedLines(set: DiffFileSet, path: string): Set<number> {
  const lines = new Set<number>();
  for (const file of set.files) {
    if (file.newPath !== path) continue;
    for (const hunk of file.hunks) for (const line of hunk.lines) if (line.type === '+' && line.newLine !== undefined) lines.add(line.newLine);
  }
  return lines;
}
