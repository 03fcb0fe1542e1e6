/** Checks that TypeScript and JavaScript files parse, without type-checking them (for files no tsconfig covers). */
import { join } from 'node:path';
import ts from 'typescript';
import type { TypeDiagnostic } from './tsc-output.ts';

/** Syntax errors of the given repository-relative files of `dir`; missing files are skipped. */
export function syntaxErrors(dir: string, paths: readonly string[]): TypeDiagnostic[] {
  const options: ts.CompilerOptions = { allowJs: true, noResolve: true, noLib: true, noEmit: true, jsx: ts.JsxEmit.Preserve, types: [] };
  const program = ts.createProgram(
    paths.map((path) => join(dir, path)),
    options,
  );
  const diagnostics: TypeDiagnostic[] = [];
  paths.forEach((path) => {
    const source = program.getSourceFile(join(dir, path));
    if (!source) return;
    for (const diagnostic of program.getSyntacticDiagnostics(source)) {
      const { line, character } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      diagnostics.push({
        path,
        line: line + 1,
        column: character + 1,
        code: `TS${diagnostic.code}`,
        category: 'error',
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
      });
    }
  });
  return diagnostics;
}
