/** Finds the function an optimize request names: `path#name` directly, or a bare name among the changed files, then the repository. */
import path from 'node:path';
import { type Result, fail, ok } from '../../../core/result.ts';
import { exportedFunctions } from '../../../evidence/differential/exported-functions.ts';
import { createProgram } from '../../../evidence/typescript-program.ts';
import { git } from '../../../evidence/workspace/git.ts';

/** A function to optimize: its file (relative, `/` separators) and export path (`['parse']`, `['Version', 'compare']`). */
export interface SymbolLocation {
  path: string;
  exportPath: string[];
}

const script = /\.[cm]?[jt]s$/;
const maxFiles = 50;

function diffPaths(diff: string): string[] {
  return [...diff.matchAll(/^diff --git a\/.+? b\/(.+)$/gm)].map((match) => match[1]!);
}

/** Files that export `exportPath`, among `files` (relative to `root`). */
function exporting(root: string, files: readonly string[], exportPath: readonly string[]): string[] {
  if (files.length === 0) return [];
  const absolute = files.map((file) => path.join(root, file));
  const program = createProgram(absolute);
  const checker = program.getTypeChecker();
  const key = exportPath.join('.');
  return files.filter((_, index) => {
    const sourceFile = program.getSourceFile(absolute[index]!);
    return sourceFile !== undefined && exportedFunctions(checker, sourceFile).some((fn) => fn.exportPath.join('.') === key);
  });
}

async function filesMentioning(root: string, name: string, timeoutMs: number): Promise<string[]> {
  const result = await git(['grep', '-l', '-w', '--untracked', '-e', name, '--', '*.ts', '*.js', '*.mts', '*.mjs', '*.cts', '*.cjs'], { cwd: root, timeoutMs });
  return result.code === 0 ? result.stdout.split('\n').filter((line) => line !== '') : [];
}

/** The location, or a reason that says how to name the function. */
export async function resolveSymbol(target: string | undefined, root: string, diff: string, timeoutMs: number): Promise<Result<SymbolLocation, string>> {
  const text = target?.trim() ?? '';
  if (text === '') return fail('optimize needs the function: `optimize <path>#<name> --metric time|memory`');
  const hash = text.lastIndexOf('#');
  const name = hash >= 0 ? text.slice(hash + 1) : text;
  const exportPath = name.split('.').filter((part) => part !== '');
  if (exportPath.length === 0) return fail(`\`${text}\` names no function: use <path>#<name>`);
  if (hash >= 0) {
    const file = text.slice(0, hash).replace(/^\.\//, '');
    if (!script.test(file)) return fail(`\`${file}\`: optimize measures JavaScript and TypeScript functions`);
    if (exporting(root, [file], exportPath).length === 0) return fail(`${file} does not export a function \`${name}\``);
    return ok({ path: file, exportPath });
  }
  const changed = diffPaths(diff).filter((file) => script.test(file) && !/\.d\.[cm]?ts$/.test(file));
  const inChanged = exporting(root, changed, exportPath);
  if (inChanged.length === 1) return ok({ path: inChanged[0]!, exportPath });
  const found = inChanged.length > 1 ? inChanged : exporting(root, (await filesMentioning(root, exportPath[0]!, timeoutMs)).filter((file) => script.test(file)).slice(0, maxFiles), exportPath);
  if (found.length === 1) return ok({ path: found[0]!, exportPath });
  if (found.length === 0) return fail(`no JavaScript or TypeScript file exports a function \`${name}\`: name it as <path>#<name>`);
  return fail(`several files export \`${name}\` (${found.slice(0, 5).join(', ')}): name one as <path>#<name>`);
}
