/** Finds the lines of a TypeScript file that hold only types (interfaces, type aliases, declare, import type): they never execute. */
import type ts from 'typescript';

let typescript: Promise<typeof ts> | undefined;

function isTypeOnly(compiler: typeof ts, statement: ts.Statement): boolean {
  const kind = compiler.SyntaxKind;
  if (statement.kind === kind.InterfaceDeclaration || statement.kind === kind.TypeAliasDeclaration) return true;
  if (compiler.canHaveModifiers(statement) && compiler.getModifiers(statement)?.some((modifier) => modifier.kind === kind.DeclareKeyword)) return true;
  if (compiler.isImportDeclaration(statement)) return statement.importClause?.isTypeOnly === true;
  if (compiler.isExportDeclaration(statement)) return statement.isTypeOnly;
  return false;
}

/** 1-based lines of `source` covered only by type-level statements; empty for non-TypeScript paths. */
export async function typeOnlyLines(path: string, source: string): Promise<Set<number>> {
  const lines = new Set<number>();
  if (!/\.[cm]?tsx?$/.test(path)) return lines;
  typescript ??= import('typescript').then((module) => module.default);
  const compiler = await typescript;
  const file = compiler.createSourceFile(path, source, compiler.ScriptTarget.Latest, false);
  for (const statement of file.statements) {
    if (!isTypeOnly(compiler, statement)) continue;
    const start = file.getLineAndCharacterOfPosition(statement.getStart(file)).line + 1;
    const end = file.getLineAndCharacterOfPosition(statement.getEnd()).line + 1;
    for (let line = start; line <= end; line++) lines.add(line);
  }
  return lines;
}
