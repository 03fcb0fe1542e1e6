/** The exported functions a patch touches, as `path#name` (`path#module.exports` for a CommonJS module's own export): the behaviour a refactoring task must preserve. */
import { join } from 'node:path';
import type { Change, Hunk } from '../../core/change.ts';
import { exportedFunctions } from '../../evidence/differential/exported-functions.ts';
import { createProgram } from '../../evidence/typescript-program.ts';
import { commonJsExports } from './commonjs-exports.ts';

const scriptFile = /\.[cm]?[jt]sx?$/;

/** New-side lines a hunk adds, and for removed lines the line that now stands where they were. */
export function changedNewLines(hunk: Hunk): number[] {
  const lines: number[] = [];
  let last = hunk.newStart - 1;
  for (const line of hunk.lines) {
    if (line.type === '-') lines.push(last + 1);
    else last = line.newLine ?? last;
    if (line.type === '+') lines.push(last);
  }
  return lines;
}

/** Exported functions of the changed JavaScript/TypeScript files (read in `dir`, after the change) whose lines the change adds to or edits. */
export function touchedExports(dir: string, change: Change): string[] {
  const files = change.files.filter((file) => file.newPath !== null && scriptFile.test(file.newPath) && file.hunks.length > 0);
  if (files.length === 0) return [];
  const program = createProgram(files.map((file) => join(dir, file.newPath ?? '')));
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const file of files) {
    const sourceFile = program.getSourceFile(join(dir, file.newPath ?? ''));
    if (!sourceFile) continue;
    const lines = file.hunks.flatMap(changedNewLines);
    const esm = exportedFunctions(checker, sourceFile).map((exported) => ({ ...exported, name: exported.exportPath.join('.') }));
    // The checker sees no module in a CommonJS file: read its `module.exports` assignments instead.
    const exported = esm.length > 0 ? esm : commonJsExports(sourceFile.fileName, sourceFile.text);
    for (const item of exported) {
      if (lines.some((line) => line >= item.startLine && line <= item.endLine)) found.push(`${file.newPath}#${item.name}`);
    }
  }
  return found;
}
