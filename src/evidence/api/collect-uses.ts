/** Finds the imports, calls and member accesses on the added lines of a TypeScript or JavaScript file. */
import ts from 'typescript';

/** One name use that must resolve. `line` is 1-based, where the name itself is written. */
export type NameUse =
  | { kind: 'module'; node: ts.StringLiteralLike; line: number; /** `require()` or `import()` rather than an import declaration. */ dynamic: boolean }
  | { kind: 'import'; node: ts.ImportSpecifier | ts.ExportSpecifier; moduleSpecifier: ts.Expression; line: number }
  | { kind: 'member'; node: ts.PropertyAccessExpression; called: boolean; line: number }
  | { kind: 'function'; node: ts.Identifier; call: ts.CallExpression | ts.NewExpression; line: number };

function lineOf(file: ts.SourceFile, node: ts.Node): number {
  return file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
}

function isAssignmentTarget(node: ts.PropertyAccessExpression): boolean {
  const parent = node.parent;
  return ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

function importUses(file: ts.SourceFile, node: ts.ImportDeclaration | ts.ExportDeclaration, added: ReadonlySet<number>): NameUse[] {
  const specifier = node.moduleSpecifier;
  if (!specifier || !ts.isStringLiteralLike(specifier)) return [];
  const uses: NameUse[] = [];
  if (added.has(lineOf(file, specifier))) uses.push({ kind: 'module', node: specifier, line: lineOf(file, specifier), dynamic: false });
  const elements = ts.isImportDeclaration(node)
    ? node.importClause?.namedBindings && ts.isNamedImports(node.importClause.namedBindings)
      ? node.importClause.namedBindings.elements
      : []
    : node.exportClause && ts.isNamedExports(node.exportClause)
      ? node.exportClause.elements
      : [];
  for (const element of elements) {
    const line = lineOf(file, element.propertyName ?? element.name);
    if (added.has(line)) uses.push({ kind: 'import', node: element, moduleSpecifier: specifier, line });
  }
  return uses;
}

/** `require('x')` and `import('x')` with a literal specifier. */
function dynamicModule(node: ts.CallExpression): ts.StringLiteralLike | undefined {
  const argument = node.arguments[0];
  if (!argument || !ts.isStringLiteralLike(argument) || node.arguments.length !== 1) return undefined;
  const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
  return isRequire || node.expression.kind === ts.SyntaxKind.ImportKeyword ? argument : undefined;
}

/** The uses whose name sits on one of the `added` lines. */
export function collectUses(file: ts.SourceFile, added: ReadonlySet<number>): NameUse[] {
  const uses: NameUse[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      uses.push(...importUses(file, node, added));
      return;
    }
    const module = ts.isCallExpression(node) ? dynamicModule(node) : undefined;
    if (module && added.has(lineOf(file, module))) uses.push({ kind: 'module', node: module, line: lineOf(file, module), dynamic: true });
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression) && !module) {
      const line = lineOf(file, node.expression);
      if (added.has(line)) uses.push({ kind: 'function', node: node.expression, call: node, line });
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name) && !isAssignmentTarget(node)) {
      const line = lineOf(file, node.name);
      const called = (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent)) && node.parent.expression === node;
      if (added.has(line)) uses.push({ kind: 'member', node, called, line });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return uses;
}
