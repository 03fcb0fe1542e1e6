/** Short source text for an expression chain in messages: `z.string().emailAddress()`, arguments elided. */
import ts from 'typescript';

/** Renders member and call chains; arguments become `…`, other expressions their text when short. */
export function renderExpression(node: ts.Expression): string {
  if (ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword) return node.getText();
  if (ts.isPropertyAccessExpression(node)) return `${renderExpression(node.expression)}${node.questionDotToken ? '?.' : '.'}${node.name.getText()}`;
  if (ts.isCallExpression(node)) return `${renderExpression(node.expression)}(${node.arguments.length > 0 ? '…' : ''})`;
  if (ts.isElementAccessExpression(node)) return `${renderExpression(node.expression)}[…]`;
  if (ts.isNonNullExpression(node)) return `${renderExpression(node.expression)}!`;
  if (ts.isParenthesizedExpression(node)) return `(${renderExpression(node.expression)})`;
  if (ts.isAwaitExpression(node)) return `await ${renderExpression(node.expression)}`;
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length <= 30 ? text : '(…)';
}

/** The leftmost expression of a member/call chain: `z` in `z.string().email()`. */
export function chainRoot(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (ts.isPropertyAccessExpression(current) || ts.isCallExpression(current) || ts.isElementAccessExpression(current) || ts.isNonNullExpression(current) || ts.isParenthesizedExpression(current)) {
      current = current.expression;
    } else return current;
  }
}
