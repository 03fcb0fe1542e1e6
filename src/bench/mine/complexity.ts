/** Cyclomatic complexity of a JavaScript or TypeScript file, counted on the TypeScript compiler's syntax tree. */
import ts from 'typescript';

const scriptFile = /\.([cm]?[jt]sx?)$/;

function isDecision(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.IfStatement:
    case ts.SyntaxKind.ConditionalExpression:
    case ts.SyntaxKind.CaseClause:
    case ts.SyntaxKind.ForStatement:
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.WhileStatement:
    case ts.SyntaxKind.DoStatement:
    case ts.SyntaxKind.CatchClause:
      return true;
    case ts.SyntaxKind.BinaryExpression: {
      const operator = (node as ts.BinaryExpression).operatorToken.kind;
      return [
        ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken,
        ts.SyntaxKind.AmpersandAmpersandEqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken,
      ].includes(operator);
    }
    default:
      return false;
  }
}

/** True for files this module can measure. */
export function isScriptFile(path: string): boolean {
  return scriptFile.test(path);
}

/**
 * The file's complexity: one per function (each function's own path) plus one per decision point
 * (if, ?:, case, loops, catch, &&, ||, ??). The sum over a file's functions of McCabe's number, with
 * top-level decisions counted too. Undefined for files that are not JavaScript or TypeScript.
 */
export function fileComplexity(path: string, text: string): number | undefined {
  const extension = scriptFile.exec(path)?.[1];
  if (extension === undefined) return undefined;
  const kind = extension.endsWith('x') ? (extension.includes('t') ? ts.ScriptKind.TSX : ts.ScriptKind.JSX) : extension.includes('t') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, kind);
  let count = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) count++;
    else if (isDecision(node)) count++;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return count;
}
