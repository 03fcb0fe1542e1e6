/** Finds the lines of the symbol or file that `test <symbol>` names, in TypeScript, JavaScript and Python sources. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { worktreeFiles } from '../scaling/run-tests-in.ts';
import { logicalLines } from './document-python-lines.ts';
import { scriptKindOf } from './document-typescript.ts';
import { inTargetPath, matchesSymbol, readTarget } from './shared/common-target.ts';

/** Lines `start`..`end` (1-based, inclusive) of `path` that hold the target. */
export interface TargetRange {
  path: string;
  name: string;
  start: number;
  end: number;
}

const source = /\.([cm]?[jt]sx?|py)$/;
const testCode = /(\.(test|spec)\.[cm]?[jt]sx?$)|((^|\/)(__tests__|tests?)\/)|((^|\/)test_[^/]*\.py$)|(_test\.py$)|(\.d\.ts$)|((^|\/)node_modules\/)/;

function scriptRanges(file: string, text: string, symbol: string): TargetRange[] {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindOf(file));
  const lineOf = (offset: number) => sourceFile.getLineAndCharacterOfPosition(offset).line + 1;
  const ranges: TargetRange[] = [];
  const visit = (node: ts.Node, owner: string | undefined) => {
    // Variables count at the top level only: a local `total` inside another function is not the target.
    const topVariable = ts.isVariableDeclaration(node) && ts.isVariableStatement(node.parent.parent) && ts.isSourceFile(node.parent.parent.parent);
    const named = ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isMethodDeclaration(node) || topVariable || ts.isPropertyDeclaration(node);
    const local = named && node.name && !ts.isComputedPropertyName(node.name) && !ts.isObjectBindingPattern(node.name) && !ts.isArrayBindingPattern(node.name) ? node.name.getText() : undefined;
    const name = local && owner ? `${owner}.${local}` : local;
    if (name && (name === symbol || (symbol.includes('.') ? false : local === symbol))) {
      const whole = ts.isVariableDeclaration(node) && ts.isVariableStatement(node.parent.parent) ? node.parent.parent : node;
      ranges.push({ path: file, name, start: lineOf(whole.getStart()), end: lineOf(whole.end) });
    }
    const inner = ts.isClassLike(node) && node.name ? node.name.getText() : owner;
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(sourceFile, undefined);
  return ranges;
}

function pythonRanges(file: string, text: string, symbol: string): TargetRange[] {
  const lines = logicalLines(text);
  const ranges: TargetRange[] = [];
  const classes: { indent: number; name: string }[] = [];
  for (const [at, line] of lines.entries()) {
    while (classes.length > 0 && classes.at(-1)!.indent >= line.indent) classes.pop();
    const offset = line.tokens[0]?.text === 'async' ? 1 : 0;
    const keyword = line.tokens[offset]?.text;
    const local = line.tokens[offset + 1]?.text;
    if ((keyword !== 'def' && keyword !== 'class') || !local) continue;
    const name = classes.length > 0 ? `${classes.at(-1)!.name}.${local}` : local;
    if (keyword === 'class') classes.push({ indent: line.indent, name: local });
    if (name !== symbol && (symbol.includes('.') || local !== symbol)) continue;
    const body = lines.slice(at + 1).findIndex((next) => next.indent <= line.indent);
    const last = body === -1 ? lines.at(-1)! : lines[at + body]!;
    ranges.push({ path: file, name, start: line.line, end: Math.max(line.endLine, last.endLine) });
  }
  return ranges;
}

/** The ranges the target names in `root`: a whole file, every file of a folder, or each declaration of the symbol. */
export async function locateTarget(root: string, target: string, timeoutMs: number): Promise<TargetRange[]> {
  const { path: targetPath, symbol } = readTarget(target);
  const files = targetPath && existsSync(path.join(root, targetPath)) && statSync(path.join(root, targetPath)).isFile() ? [targetPath] : (await worktreeFiles(root, timeoutMs)).filter((file) => source.test(file) && !testCode.test(file) && (!targetPath || inTargetPath(file, targetPath)));
  const ranges: TargetRange[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8');
    if (!symbol) {
      ranges.push({ path: file, name: file, start: 1, end: text.split('\n').length });
      continue;
    }
    const last = symbol.split('.').at(-1)!;
    if (!text.includes(last)) continue;
    ranges.push(...(file.endsWith('.py') ? pythonRanges(file, text, symbol) : scriptRanges(file, text, symbol)).filter((range) => matchesSymbol(range.name, symbol)));
  }
  return ranges;
}
