/** Mutants of the changed lines of TypeScript and JavaScript files, from the compiler API's AST and types. */
import path from 'node:path';
import ts from 'typescript';
import { createProgram } from '../typescript-program.ts';
import type { MutantDraft } from './draft.ts';
import { type OperatorContext, nodeDrafts } from './typescript-operators.ts';


/** Parsed files with a checker, for the files of one worktree that mutants are made for. */
export function typescriptProgram(dir: string, files: readonly string[]): { sourceFile(file: string): OperatorContext | undefined } {
  const program = createProgram(files.map((file) => path.join(dir, file)));
  const checker = program.getTypeChecker();
  return {
    sourceFile: (file) => {
      const sourceFile = program.getSourceFile(path.join(dir, file));
      return sourceFile ? { sourceFile, checker } : undefined;
    },
  };
}

/** Nodes whose subtree is types, imports or exports: nothing there runs. */
function isInert(node: ts.Node): boolean {
  return ts.isTypeNode(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node);
}

/**
 * Drafts for every node that starts on one of `lines` (1-based); the walk skips subtrees that
 * contain no such line.
 */
export function typescriptDrafts(context: OperatorContext, lines: ReadonlySet<number>): MutantDraft[] {
  const { sourceFile } = context;
  const lineOf = (offset: number) => sourceFile.getLineAndCharacterOfPosition(offset).line + 1;
  const touches = (node: ts.Node) => {
    const first = lineOf(node.getStart(sourceFile));
    const last = lineOf(node.end);
    for (const line of lines) if (line >= first && line <= last) return true;
    return false;
  };
  const drafts: MutantDraft[] = [];
  const visit = (node: ts.Node): void => {
    if (isInert(node) || !touches(node)) return;
    drafts.push(...nodeDrafts(context, node));
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return drafts;
}
