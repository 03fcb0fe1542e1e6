/** Resolves every identifier use in one source file with the checker. */
import ts from 'typescript';
import type { ResolvedFile, ResolvedOccurrence } from './backend.ts';
import { targetOf } from './declaration-target.ts';

/** Declarations whose `name` child is a declaration name, not a use. */
const namedDeclarationKinds = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.ClassExpression,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.EnumMember,
  ts.SyntaxKind.ModuleDeclaration,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.TypeParameter,
  ts.SyntaxKind.BindingElement,
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.NamedTupleMember,
  ts.SyntaxKind.NamespaceExportDeclaration,
]);

type Classification = 'use' | 'declaration' | 'skip';

/** Import and export names count as uses of what they import, so `import { a }` points at `a`'s declaration. */
function classify(node: ts.Identifier | ts.PrivateIdentifier): Classification {
  const parent = node.parent;
  // Parsers recover from syntax errors with empty identifiers; there is nothing to resolve.
  if (node.text === '' || node.end === node.pos) return 'skip';
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent) || ts.isMetaProperty(parent)) return 'skip';
  if (isConstAssertion(node)) return 'skip';
  if (namedDeclarationKinds.has(parent.kind) && (parent as ts.NamedDeclaration).name === node) return 'declaration';
  return 'use';
}

/** The `const` of `x as const` and `<const>x` parses as a type name but is a keyword. */
function isConstAssertion(node: ts.Identifier | ts.PrivateIdentifier): boolean {
  if (node.text !== 'const' || !ts.isTypeReferenceNode(node.parent)) return false;
  const assertion = node.parent.parent;
  return ts.isAsExpression(assertion) || ts.isTypeAssertionExpression(assertion);
}

function symbolOf(checker: ts.TypeChecker, node: ts.Identifier | ts.PrivateIdentifier): ts.Symbol | undefined {
  const parent = node.parent;
  if (ts.isShorthandPropertyAssignment(parent) && parent.name === node) return checker.getShorthandAssignmentValueSymbol(parent);
  if (ts.isExportSpecifier(parent) && !parent.parent.parent.moduleSpecifier) {
    return checker.getExportSpecifierLocalTargetSymbol(parent) ?? checker.getSymbolAtLocation(node);
  }
  if (ts.isJsxAttribute(parent) && parent.name === node) return jsxAttributeSymbol(checker, parent) ?? checker.getSymbolAtLocation(node);
  return checker.getSymbolAtLocation(node);
}

/** A JSX attribute names a prop: resolve it in the props type the element expects, as go-to-definition does. */
function jsxAttributeSymbol(checker: ts.TypeChecker, attribute: ts.JsxAttribute): ts.Symbol | undefined {
  const props = checker.getContextualType(attribute.parent);
  const name = ts.isIdentifier(attribute.name) ? attribute.name.text : undefined;
  const property = props && name !== undefined ? checker.getPropertyOfType(props, name) : undefined;
  return property?.declarations?.length ? property : undefined;
}

/** Resolves the identifiers of `file`, which must belong to the program `checker` comes from. */
export function resolveIdentifiers(root: string, path: string, program: string, checker: ts.TypeChecker, file: ts.SourceFile): ResolvedFile {
  const occurrences: ResolvedOccurrence[] = [];
  const counts = { identifiers: 0, resolved: 0, declarationNames: 0 };
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.Identifier || node.kind === ts.SyntaxKind.PrivateIdentifier) {
      const identifier = node as ts.Identifier | ts.PrivateIdentifier;
      const kind = classify(identifier);
      if (kind === 'declaration') counts.declarationNames++;
      else if (kind === 'use') occurrences.push(resolveOne(root, checker, file, identifier, counts));
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return { path, program, occurrences, counts };
}

function resolveOne(
  root: string,
  checker: ts.TypeChecker,
  file: ts.SourceFile,
  node: ts.Identifier | ts.PrivateIdentifier,
  counts: ResolvedFile['counts'],
): ResolvedOccurrence {
  counts.identifiers++;
  const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
  let target: ResolvedOccurrence['target'] | undefined;
  try {
    const symbol = symbolOf(checker, node);
    target = symbol ? targetOf(root, checker, symbol) : undefined;
  } catch {
    target = undefined; // a checker crash on odd code leaves this use unresolved
  }
  if (target !== undefined) counts.resolved++;
  return { line: line + 1, column: character, name: node.text, target: target ?? null };
}
