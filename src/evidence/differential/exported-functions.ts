/** Finds the functions a module exports (top-level functions, arrow constants, static methods) with the TS checker. */
import ts from 'typescript';

/** A function another module can call without building anything first. */
export interface ExportedFunction {
  /** Export name, then the static member for class methods: `['parse']`, `['Version', 'compare']`. */
  exportPath: string[];
  /** The name in the source: `parse`, `Version.compare`. */
  localName: string;
  /** The declaration whose body runs. */
  declaration: ts.SignatureDeclaration;
  /** The signature callers see (the first overload when there are several). */
  signature: ts.Signature | undefined;
  /** 1-based lines of the whole declaration. */
  startLine: number;
  endLine: number;
}

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
  return current;
}

function lines(sourceFile: ts.SourceFile, node: ts.Node): { startLine: number; endLine: number } {
  const statement = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  return {
    startLine: sourceFile.getLineAndCharacterOfPosition(statement.getStart(sourceFile)).line + 1,
    endLine: sourceFile.getLineAndCharacterOfPosition(statement.getEnd()).line + 1,
  };
}

function callSignature(checker: ts.TypeChecker, symbol: ts.Symbol, at: ts.Node): ts.Signature | undefined {
  return checker.getSignaturesOfType(checker.getTypeOfSymbolAtLocation(symbol, at), ts.SignatureKind.Call)[0];
}

function staticMethods(checker: ts.TypeChecker, sourceFile: ts.SourceFile, exportName: string, node: ts.ClassDeclaration): ExportedFunction[] {
  const className = node.name?.text ?? exportName;
  return node.members.flatMap((member): ExportedFunction[] => {
    const isStatic = ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static;
    if (!ts.isMethodDeclaration(member) || !isStatic || !member.body || !ts.isIdentifier(member.name)) return [];
    const symbol = checker.getSymbolAtLocation(member.name);
    return [{
      exportPath: [exportName, member.name.text],
      localName: `${className}.${member.name.text}`,
      declaration: member,
      signature: symbol && callSignature(checker, symbol, member),
      ...lines(sourceFile, member),
    }];
  });
}

function fromDeclaration(checker: ts.TypeChecker, sourceFile: ts.SourceFile, exportName: string, symbol: ts.Symbol, node: ts.Declaration): ExportedFunction[] {
  if (ts.isClassDeclaration(node)) return staticMethods(checker, sourceFile, exportName, node);
  let declaration: ts.SignatureDeclaration | undefined;
  let localName = exportName;
  if (ts.isFunctionDeclaration(node) && node.body) {
    declaration = node;
    localName = node.name?.text ?? exportName;
  } else if (ts.isVariableDeclaration(node) && node.initializer && ts.isIdentifier(node.name)) {
    const value = unwrap(node.initializer);
    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) declaration = value;
    localName = node.name.text;
  }
  if (!declaration) return [];
  return [{ exportPath: [exportName], localName, declaration, signature: callSignature(checker, symbol, node), ...lines(sourceFile, node) }];
}

/** Every function `sourceFile` itself defines and exports, in source order. */
export function exportedFunctions(checker: ts.TypeChecker, sourceFile: ts.SourceFile): ExportedFunction[] {
  const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
  if (!moduleSymbol) return [];
  const found: ExportedFunction[] = [];
  const seen = new Set<ts.Node>();
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    for (const node of symbol.getDeclarations() ?? []) {
      if (node.getSourceFile() !== sourceFile || seen.has(node)) continue;
      seen.add(node);
      found.push(...fromDeclaration(checker, sourceFile, exported.getName(), symbol, node));
    }
  }
  return found.sort((left, right) => left.startLine - right.startLine);
}

/** Names of top-level functions and constants that the body of `declaration` mentions. */
export function mentionedNames(declaration: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(declaration);
  return names;
}
