/** Reads JSON-like literal expressions (numbers, strings, arrays, objects, dates) as values, with the TS AST. */
import ts from 'typescript';

/** The value of a literal expression, or `undefined` in `ok: false` when it is not a literal. */
export type LiteralRead = { ok: true; value: unknown } | { ok: false };

const notLiteral: LiteralRead = { ok: false };

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

function readObject(node: ts.ObjectLiteralExpression): LiteralRead {
  const value: Record<string, unknown> = {};
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property)) return notLiteral;
    const name = propertyName(property.name);
    const item = readLiteral(property.initializer);
    if (name === undefined || !item.ok) return notLiteral;
    value[name] = item.value;
  }
  return { ok: true, value };
}

function readArray(node: ts.ArrayLiteralExpression): LiteralRead {
  const value: unknown[] = [];
  for (const element of node.elements) {
    if (ts.isOmittedExpression(element)) {
      value.length += 1;
      continue;
    }
    const item = readLiteral(element);
    if (!item.ok) return notLiteral;
    value.push(item.value);
  }
  return { ok: true, value };
}

function readSigned(node: ts.PrefixUnaryExpression): LiteralRead {
  if (node.operator !== ts.SyntaxKind.MinusToken && node.operator !== ts.SyntaxKind.PlusToken) return notLiteral;
  const operand = readLiteral(node.operand);
  if (!operand.ok || (typeof operand.value !== 'number' && typeof operand.value !== 'bigint')) return notLiteral;
  return { ok: true, value: node.operator === ts.SyntaxKind.MinusToken ? -operand.value : operand.value };
}

function readDate(node: ts.NewExpression): LiteralRead {
  if (!ts.isIdentifier(node.expression) || node.expression.text !== 'Date' || node.arguments?.length !== 1) return notLiteral;
  const argument = readLiteral(node.arguments[0]!);
  if (!argument.ok || (typeof argument.value !== 'string' && typeof argument.value !== 'number')) return notLiteral;
  return { ok: true, value: new Date(argument.value) };
}

const identifiers: Record<string, unknown> = { undefined, NaN: Number.NaN, Infinity };

/** `1`, `-2.5`, `'a'`, `` `b` ``, `true`, `null`, `undefined`, `NaN`, `3n`, `[1, 'x']`, `{ a: 1 }`, `new Date('2020-01-01')`. */
export function readLiteral(node: ts.Expression): LiteralRead {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return readLiteral(node.expression);
  if (ts.isNumericLiteral(node)) return { ok: true, value: Number(node.text.replaceAll('_', '')) };
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { ok: true, value: node.text };
  if (ts.isBigIntLiteral(node)) return { ok: true, value: BigInt(node.text.slice(0, -1).replaceAll('_', '')) };
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { ok: true, value: true };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { ok: true, value: false };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { ok: true, value: null };
  if (ts.isIdentifier(node) && Object.hasOwn(identifiers, node.text)) return { ok: true, value: identifiers[node.text] };
  if (ts.isPrefixUnaryExpression(node)) return readSigned(node);
  if (ts.isArrayLiteralExpression(node)) return readArray(node);
  if (ts.isObjectLiteralExpression(node)) return readObject(node);
  if (ts.isNewExpression(node)) return readDate(node);
  return notLiteral;
}
