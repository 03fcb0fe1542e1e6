/** Mutation operators on TypeScript/JavaScript AST nodes: one node in, the drafts it yields out. */
import ts from 'typescript';
import type { MutantDraft } from './draft.ts';
import { returnReplacement } from './return-replacement.ts';
import type { MutationOperator } from './types.ts';

/** What an operator sees: the file, and a checker when types are known. */
export interface OperatorContext {
  sourceFile: ts.SourceFile;
  checker: ts.TypeChecker | undefined;
}

const binarySwaps = new Map<ts.SyntaxKind, [MutationOperator, string]>([
  [ts.SyntaxKind.PlusToken, ['arithmetic', '-']],
  [ts.SyntaxKind.MinusToken, ['arithmetic', '+']],
  [ts.SyntaxKind.AsteriskToken, ['arithmetic', '/']],
  [ts.SyntaxKind.SlashToken, ['arithmetic', '*']],
  [ts.SyntaxKind.PercentToken, ['arithmetic', '*']],
  [ts.SyntaxKind.PlusEqualsToken, ['arithmetic', '-=']],
  [ts.SyntaxKind.MinusEqualsToken, ['arithmetic', '+=']],
  [ts.SyntaxKind.AsteriskEqualsToken, ['arithmetic', '/=']],
  [ts.SyntaxKind.SlashEqualsToken, ['arithmetic', '*=']],
  [ts.SyntaxKind.LessThanToken, ['boundary', '<=']],
  [ts.SyntaxKind.LessThanEqualsToken, ['boundary', '<']],
  [ts.SyntaxKind.GreaterThanToken, ['boundary', '>=']],
  [ts.SyntaxKind.GreaterThanEqualsToken, ['boundary', '>']],
  [ts.SyntaxKind.EqualsEqualsEqualsToken, ['equality', '!==']],
  [ts.SyntaxKind.ExclamationEqualsEqualsToken, ['equality', '===']],
  [ts.SyntaxKind.EqualsEqualsToken, ['equality', '!=']],
  [ts.SyntaxKind.ExclamationEqualsToken, ['equality', '==']],
  [ts.SyntaxKind.AmpersandAmpersandToken, ['logical', '||']],
  [ts.SyntaxKind.BarBarToken, ['logical', '&&']],
]);

function draft(context: OperatorContext, node: ts.Node, operator: MutationOperator, replacement: string, at = node.getStart(context.sourceFile)): MutantDraft {
  const start = node.getStart(context.sourceFile);
  return { at, start, end: node.end, operator, original: node.getText(context.sourceFile), replacement };
}

/** `a + b` joins strings as often as it adds numbers; turning a join into `-` only makes NaN noise. */
function isStringJoin(context: OperatorContext, node: ts.BinaryExpression): boolean {
  const kind = node.operatorToken.kind;
  if (kind !== ts.SyntaxKind.PlusToken && kind !== ts.SyntaxKind.PlusEqualsToken) return false;
  if (context.checker) return (context.checker.getTypeAtLocation(node).flags & ts.TypeFlags.StringLike) !== 0;
  const textual = (side: ts.Expression) => ts.isStringLiteral(side) || ts.isTemplateExpression(side) || ts.isNoSubstitutionTemplateLiteral(side);
  return textual(node.left) || textual(node.right);
}

function binaryDrafts(context: OperatorContext, node: ts.BinaryExpression): MutantDraft[] {
  const swap = binarySwaps.get(node.operatorToken.kind);
  if (!swap || isStringJoin(context, node)) return [];
  return [draft(context, node.operatorToken, swap[0], swap[1])];
}

function unaryDrafts(context: OperatorContext, node: ts.PrefixUnaryExpression): MutantDraft[] {
  if (node.operator !== ts.SyntaxKind.ExclamationToken && node.operator !== ts.SyntaxKind.MinusToken) return [];
  return [draft(context, node, 'unary', node.operand.getText(context.sourceFile))];
}

function isPropertyName(node: ts.Node): boolean {
  const parent = node.parent;
  return (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isEnumMember(parent)) && parent.name === node;
}

function literalDrafts(context: OperatorContext, node: ts.Node): MutantDraft[] {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return [draft(context, node, 'boolean-literal', 'false')];
  if (node.kind === ts.SyntaxKind.FalseKeyword) return [draft(context, node, 'boolean-literal', 'true')];
  if (ts.isNumericLiteral(node) && !isPropertyName(node)) {
    const value = Number(node.text.replaceAll('_', ''));
    return Number.isFinite(value + 1) ? [draft(context, node, 'off-by-one', String(value + 1))] : [];
  }
  return [];
}

function isRemovableCall(expression: ts.Expression): boolean {
  const inner = ts.isAwaitExpression(expression) || ts.isVoidExpression(expression) ? expression.expression : expression;
  return ts.isCallExpression(inner) && inner.expression.kind !== ts.SyntaxKind.SuperKeyword;
}

function statementDrafts(context: OperatorContext, node: ts.Node): MutantDraft[] {
  const { sourceFile, checker } = context;
  if (ts.isIfStatement(node)) {
    return [draft(context, node.expression, 'negated-condition', `!(${node.expression.getText(sourceFile)})`, node.getStart(sourceFile))];
  }
  if (ts.isExpressionStatement(node) && isRemovableCall(node.expression)) return [draft(context, node, 'removed-call', ';')];
  const returned = ts.isReturnStatement(node) ? node.expression : ts.isArrowFunction(node) && !ts.isBlock(node.body) ? node.body : undefined;
  if (!returned) return [];
  const replacement = returnReplacement(returned, sourceFile, checker);
  return replacement === undefined ? [] : [draft(context, returned, 'return-value', replacement, node.getStart(sourceFile))];
}

/** Every draft `node` itself yields (not its children). */
export function nodeDrafts(context: OperatorContext, node: ts.Node): MutantDraft[] {
  if (ts.isBinaryExpression(node)) return binaryDrafts(context, node);
  if (ts.isPrefixUnaryExpression(node)) return unaryDrafts(context, node);
  return [...literalDrafts(context, node), ...statementDrafts(context, node)];
}
