/** The value a mutated `return` gives back instead: the simplest wrong value of the returned type. */
import ts from 'typescript';

const comparisons = new Set([
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
]);

function isBooleanSyntax(expression: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(expression)) return isBooleanSyntax(expression.expression);
  if (ts.isPrefixUnaryExpression(expression)) return expression.operator === ts.SyntaxKind.ExclamationToken;
  return ts.isBinaryExpression(expression) && comparisons.has(expression.operatorToken.kind);
}

function fromSyntax(expression: ts.Expression): 'boolean' | 'number' | 'string' | 'other' {
  if (isBooleanSyntax(expression)) return 'boolean';
  if (ts.isNumericLiteral(expression)) return 'number';
  if (ts.isStringLiteral(expression) || ts.isTemplateExpression(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return 'string';
  return 'other';
}

function fromType(checker: ts.TypeChecker, expression: ts.Expression): 'boolean' | 'number' | 'string' | 'bigint' | 'array' | 'nothing' | 'other' {
  const type = checker.getTypeAtLocation(expression);
  if (type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Null | ts.TypeFlags.Never)) return 'nothing';
  if (type.flags & ts.TypeFlags.BooleanLike) return 'boolean';
  if (type.flags & ts.TypeFlags.NumberLike) return 'number';
  if (type.flags & ts.TypeFlags.StringLike) return 'string';
  if (type.flags & ts.TypeFlags.BigIntLike) return 'bigint';
  if (checker.isArrayType(type)) return 'array';
  return 'other';
}

/** The replacement of `expression` in `return expression`, or undefined when no simpler wrong value exists. */
export function returnReplacement(expression: ts.Expression, sourceFile: ts.SourceFile, checker: ts.TypeChecker | undefined): string | undefined {
  const text = expression.getText(sourceFile);
  if (expression.kind === ts.SyntaxKind.TrueKeyword || expression.kind === ts.SyntaxKind.FalseKeyword) return undefined;
  const kind = checker ? fromType(checker, expression) : fromSyntax(expression);
  switch (kind) {
    case 'nothing':
      return undefined;
    case 'boolean':
      return `!(${text})`;
    case 'number':
      return text === '0' ? '1' : '0';
    case 'string':
      return text === "''" || text === '""' ? "'mutated'" : "''";
    case 'bigint':
      return text === '0n' ? '1n' : '0n';
    case 'array':
      return text === '[]' ? undefined : '[]';
    default:
      return text === 'undefined' || text === 'null' ? undefined : 'undefined';
  }
}
