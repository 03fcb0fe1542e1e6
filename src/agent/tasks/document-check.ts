/** The success check of document: the change touches only comments and docstrings, and every documented function's claims check out. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileChange } from '../../core/change.ts';
import { gitOutput } from '../../evidence/workspace/git.ts';
import { pythonCode } from './document-python-lines.ts';
import { pythonDocumentedFunctions } from './document-python.ts';
import { documentsTarget } from './document-target.ts';
import type { DocumentedFunction } from './document-types.ts';
import { typescriptCode, typescriptDocumentedFunctions } from './document-typescript.ts';
import { addedLines, readDiffFiles } from './shared/common-diff.ts';
import { failedReport } from './shared/common-report.ts';
import type { SuccessCheckInput, SuccessReport } from './types.ts';

const prose = /\.(md|markdown|mdx|rst|txt|adoc)$/i;
const script = /\.[cm]?[jt]sx?$/;
const python = /\.pyi?$/;

/** The first line where two versions of the code differ, for people. */
function firstDifference(base: readonly string[], change: readonly string[]): string {
  const index = change.findIndex((line, at) => line !== base[at]);
  const at = index === -1 ? change.length : index;
  const shown = (change[at] ?? base[at] ?? '').replace(/^\d+\|/, '').trim();
  return shown ? `\`${shown.slice(0, 120)}\`` : 'removed code';
}

async function baseText(input: SuccessCheckInput, file: FileChange): Promise<string> {
  if (file.kind === 'added' || file.oldPath === null) return '';
  return gitOutput(['show', `${input.workspace.base}:${file.oldPath}`], { cwd: input.workspace.root, timeoutMs: input.timeoutMs }).catch(() => '');
}

/** What is wrong with one changed file as a documentation change, and the functions it documents. */
async function examineFile(input: SuccessCheckInput, file: FileChange, changed: ReadonlySet<number>): Promise<{ codeChange?: string; documented: DocumentedFunction[] }> {
  const where = file.newPath ?? file.oldPath ?? '';
  if (file.kind === 'deleted') return { codeChange: `${where}: deleted`, documented: [] };
  if (file.oldPath !== null && file.oldPath !== file.newPath) return { codeChange: `${where}: renamed from ${file.oldPath}`, documented: [] };
  if (file.binary) return { codeChange: `${where}: a binary file changed`, documented: [] };
  if (prose.test(where)) return { documented: [] };
  if (!script.test(where) && !python.test(where)) return { codeChange: `${where}: not a source file whose comments could change`, documented: [] };
  const text = await readFile(path.join(input.workspace.root, where), 'utf8');
  const before = await baseText(input, file);
  const code = script.test(where) ? typescriptCode : (_: string, source: string) => pythonCode(source);
  const [baseCode, changeCode] = [code(where, before), code(where, text)];
  const same = baseCode.length === changeCode.length && baseCode.every((line, index) => line === changeCode[index]);
  const documented = script.test(where) ? typescriptDocumentedFunctions(where, text, changed) : pythonDocumentedFunctions(where, text, changed);
  return { ...(same ? {} : { codeChange: `${where}: changes code, not only comments (first difference: ${firstDifference(baseCode, changeCode)})` }), documented };
}

/** Passes when only comments changed, at least one function was documented, and every documented function's claims hold. */
export async function checkDocument(input: SuccessCheckInput): Promise<SuccessReport> {
  const set = readDiffFiles(input.diff);
  if (!set.success) return failedReport(set.error);
  if (set.value.files.length === 0) return failedReport('the candidate changed nothing');
  const codeChanges: string[] = [];
  const documented: DocumentedFunction[] = [];
  for (const file of set.value.files) {
    const examined = await examineFile(input, file, addedLines(set.value, file.newPath ?? ''));
    if (examined.codeChange) codeChanges.push(examined.codeChange);
    documented.push(...examined.documented);
  }
  const wrong = documented.filter((item) => item.problems.length > 0);
  const right = documented.filter((item) => item.problems.length === 0);
  const coversTarget = documentsTarget(input.request.target, documented);
  const details = [
    ...codeChanges,
    ...(coversTarget ? [] : [`no doc comment of \`${input.request.target}\` was added or changed`]),
    ...wrong.flatMap((item) => item.problems.map((problem) => `${item.path}:${item.line} \`${item.name}\`: ${problem}`)),
    ...right.map((item) => `${item.path}:${item.line} \`${item.name}\`: claims check out`),
  ];
  const score = documented.length > 0 ? right.length / documented.length : 0;
  const measures = { documentedFunctions: documented.length, correctFunctions: right.length, codeChanges: codeChanges.length };
  const fail = (summary: string) => ({ passed: false, score, summary, details, measures });
  if (codeChanges.length > 0) return fail(`the change is not comments only: ${codeChanges[0]}`);
  if (documented.length === 0) return fail('no doc comment of a function was added or changed');
  if (wrong.length > 0) return fail(`${wrong.length} of ${documented.length} documented functions have claims the code contradicts`);
  if (!coversTarget) return fail(`the change does not document \`${input.request.target}\``);
  return { passed: true, score, summary: `${documented.length} documented function${documented.length === 1 ? '' : 's'}, every claim checks out`, details, measures };
}
