/** All mutants of a change's added lines, per file, and why some hunks get none. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Hunk } from '../../core/change.ts';
import { changedLines } from './changed-lines.ts';
import { type MutantDraft, placeDrafts } from './draft.ts';
import { pythonDrafts } from './python-mutants.ts';
import type { Mutant } from './types.ts';
import { typescriptDrafts, typescriptProgram } from './typescript-mutants.ts';

const scriptFile = /\.[cm]?[jt]sx?$/;
const pythonFile = /\.pyw?$/;
const testFile = /(\.(test|spec)\.[cm]?[jt]sx?$)|((^|\/)(__tests__|tests?)\/)|((^|\/)test_[^/]*\.py$)|(_test\.py$)|(\.d\.ts$)/;

/** Mutants on the added lines of `hunks` in `dir`, and the reason for each hunk that cannot have any. */
export async function makeMutants(dir: string, hunks: readonly Hunk[]): Promise<{ mutants: Mutant[]; reasons: Map<string, string> }> {
  const reasons = new Map<string, string>();
  const byPath = changedLines(hunks);
  const scripts = [...byPath.keys()].filter((file) => scriptFile.test(file) && !testFile.test(file));
  const program = scripts.length > 0 ? typescriptProgram(dir, scripts) : undefined;
  const mutants: Mutant[] = [];
  for (const [file, lines] of byPath) {
    const reason = testFile.test(file)
      ? 'test code is not mutated'
      : !scriptFile.test(file) && !pythonFile.test(file)
        ? 'mutation testing covers TypeScript, JavaScript and Python'
        : undefined;
    if (reason) {
      for (const hunkId of new Set(lines.values())) reasons.set(hunkId, reason);
      continue;
    }
    const text = await readFile(path.join(dir, file), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    let drafts: MutantDraft[];
    if (pythonFile.test(file)) {
      drafts = pythonDrafts(text, new Set(lines.keys()));
    } else {
      const context = program?.sourceFile(file);
      // The compiler drops a byte order mark; offsets must point into the file as it is on disk.
      const shift = context ? text.length - context.sourceFile.text.length : 0;
      drafts = (context ? typescriptDrafts(context, new Set(lines.keys())) : []).map((item) => ({ ...item, at: item.at + shift, start: item.start + shift, end: item.end + shift }));
    }
    mutants.push(...placeDrafts(file, text, drafts, lines));
  }
  return { mutants, reasons };
}
