/**
 * A few mutation operators beyond codewright's own (which target the changed lines of a check and stay
 * small): faults a careless edit makes and a strong suite may still miss, to widen the wrong-change pool.
 */
import ts from 'typescript';
import type { Mutant } from '../../../src/evidence/mutation/index.ts';

/** The extra operators, named like codewright's. */
export type ExtraOperator = 'relational-swap' | 'swapped-branches' | 'emptied-string' | 'removed-statement' | 'flipped-increment';

/** A mutant of an extra operator: codewright's Mutant with a wider operator name. */
export type ExtraMutant = Omit<Mutant, 'operator'> & { operator: ExtraOperator };

const swaps = new Map<ts.SyntaxKind, string>([
  [ts.SyntaxKind.LessThanToken, '>'],
  [ts.SyntaxKind.GreaterThanToken, '<'],
  [ts.SyntaxKind.LessThanEqualsToken, '>='],
  [ts.SyntaxKind.GreaterThanEqualsToken, '<='],
]);

function inRequireOrDirective(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isExpressionStatement(parent)) return true;
  if (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'require') return true;
  return ts.isPropertyAssignment(parent) && parent.name === node;
}

/** Drafts of `node` itself: start/end offsets into the file and the replacement. */
function drafts(node: ts.Node, sourceFile: ts.SourceFile): { operator: ExtraOperator; node: ts.Node; replacement: string }[] {
  if (ts.isBinaryExpression(node) && swaps.has(node.operatorToken.kind)) return [{ operator: 'relational-swap', node: node.operatorToken, replacement: swaps.get(node.operatorToken.kind)! }];
  if (ts.isConditionalExpression(node)) {
    const text = `${node.condition.getText(sourceFile)} ? ${node.whenFalse.getText(sourceFile)} : ${node.whenTrue.getText(sourceFile)}`;
    return [{ operator: 'swapped-branches', node, replacement: text }];
  }
  if (ts.isStringLiteral(node) && node.text !== '' && !inRequireOrDirective(node)) return [{ operator: 'emptied-string', node, replacement: "''" }];
  if ((ts.isPostfixUnaryExpression(node) || ts.isPrefixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
    const operand = node.operand.getText(sourceFile);
    const flipped = node.operator === ts.SyntaxKind.PlusPlusToken ? '--' : '++';
    return [{ operator: 'flipped-increment', node, replacement: ts.isPrefixUnaryExpression(node) ? `${flipped}${operand}` : `${operand}${flipped}` }];
  }
  // A guard without else, or an assignment statement, deleted (codewright removes calls already).
  const removable =
    (ts.isIfStatement(node) && !node.elseStatement) || (ts.isExpressionStatement(node) && ts.isBinaryExpression(node.expression) && node.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken);
  if (removable && (ts.isBlock(node.parent) || ts.isSourceFile(node.parent) || ts.isCaseClause(node.parent))) return [{ operator: 'removed-statement', node, replacement: '' }];
  return [];
}

/** Every extra mutant of `text` (the file at `path`), skipping lines `skip` says no to. */
export function extraMutants(path: string, text: string, skip: (line: number) => boolean): ExtraMutant[] {
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const found: ExtraMutant[] = [];
  const visit = (node: ts.Node): void => {
    for (const draft of drafts(node, sourceFile)) {
      const start = draft.node.getStart(sourceFile);
      const position = sourceFile.getLineAndCharacterOfPosition(start);
      if (skip(position.line + 1)) continue;
      found.push({
        id: `${path}:${position.line + 1}:${position.character}:${draft.operator}`,
        path,
        line: position.line + 1,
        column: position.character,
        start,
        end: draft.node.end,
        original: draft.node.getText(sourceFile),
        replacement: draft.replacement,
        hunkId: `${path}#0`,
        operator: draft.operator,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
