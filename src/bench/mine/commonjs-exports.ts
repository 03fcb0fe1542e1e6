/** Functions a CommonJS module exports (`module.exports = f`, `module.exports.g = …`, `exports.h = …`), read from its syntax alone. */
import ts from 'typescript';

/** An exported function: its export name (`module.exports` for the module itself) and its 1-based lines. */
export interface CommonJsExport {
  name: string;
  startLine: number;
  endLine: number;
}

function lines(sourceFile: ts.SourceFile, node: ts.Node): { startLine: number; endLine: number } {
  return {
    startLine: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1,
    endLine: sourceFile.getLineAndCharacterOfPosition(node.getEnd()).line + 1,
  };
}

/** The export name an assignment target gives: `module.exports`, or the property of `module.exports.x` / `exports.x`. */
function exportName(target: ts.Expression): string | undefined {
  const text = target.getText();
  if (text === 'module.exports') return 'module.exports';
  const match = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(text);
  return match?.[1];
}

/** Top-level functions and arrow constants by name, with where they are. */
function localFunctions(sourceFile: ts.SourceFile): Map<string, ts.Node> {
  const found = new Map<string, ts.Node>();
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) found.set(statement.name.text, statement);
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer;
      if (ts.isIdentifier(declaration.name) && value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) found.set(declaration.name.text, statement);
    }
  }
  return found;
}

/** The functions `text` exports through `module.exports` or `exports`, in source order. */
export function commonJsExports(path: string, text: string): CommonJsExport[] {
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const locals = localFunctions(sourceFile);
  const found: CommonJsExport[] = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
    const { left, operatorToken, right } = statement.expression;
    const name = operatorToken.kind === ts.SyntaxKind.EqualsToken ? exportName(left) : undefined;
    if (name === undefined) continue;
    if (ts.isArrowFunction(right) || ts.isFunctionExpression(right)) found.push({ name, ...lines(sourceFile, right) });
    else if (ts.isIdentifier(right) && locals.has(right.text)) found.push({ name, ...lines(sourceFile, locals.get(right.text)!) });
  }
  return found;
}
