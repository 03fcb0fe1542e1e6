/**
 * Mechanical, behaviour-preserving refactors of JavaScript/TypeScript functions, found with the TypeScript
 * compiler API: rename a local, extract a subexpression into a `const`, inline a `const` used once, swap two
 * adjacent independent `const` declarations.
 */
import { join } from 'node:path';
import ts from 'typescript';

export type RefactorKind = 'rename-local' | 'extract-variable' | 'inline-constant' | 'reorder-constants';

/** One refactor: text edits of one file (offsets into its text at HEAD). */
export interface RefactorCandidate {
  id: string;
  kind: RefactorKind;
  path: string;
  line: number;
  description: string;
  edits: { start: number; end: number; text: string }[];
}

const options: ts.CompilerOptions = { allowJs: true, checkJs: false, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, types: [] };

/** Applies `edits` (non-overlapping) to `text`. */
export function applyEdits(text: string, edits: RefactorCandidate['edits']): string {
  let result = text;
  for (const edit of [...edits].sort((left, right) => right.start - left.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node);
}

function insideFunction(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (isFunctionLike(current)) return true;
  return false;
}

/** No calls, construction, assignments, updates, deletes, awaits or nested functions anywhere in `node`. */
function isPure(node: ts.Node): boolean {
  let pure = true;
  const visit = (child: ts.Node): void => {
    if (!pure) return;
    if (
      ts.isCallExpression(child) ||
      ts.isNewExpression(child) ||
      ts.isTaggedTemplateExpression(child) ||
      ts.isDeleteExpression(child) ||
      ts.isAwaitExpression(child) ||
      ts.isYieldExpression(child) ||
      isFunctionLike(child) ||
      ts.isClassExpression(child) ||
      ts.isPostfixUnaryExpression(child) ||
      (ts.isPrefixUnaryExpression(child) && (child.operator === ts.SyntaxKind.PlusPlusToken || child.operator === ts.SyntaxKind.MinusMinusToken)) ||
      (ts.isBinaryExpression(child) && isAssignment(child.operatorToken.kind)) ||
      ((ts.isPropertyAccessExpression(child) || ts.isElementAccessExpression(child)) && child.questionDotToken !== undefined)
    ) {
      pure = false;
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return pure;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** True when something in `statement` that runs before `target` (a call, an assignment) could change what `target` reads. */
function effectBefore(statement: ts.Node, target: ts.Node, sourceFile: ts.SourceFile): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || node === target) return;
    const effect = ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node) || ts.isDeleteExpression(node) || ts.isPostfixUnaryExpression(node) || ts.isAwaitExpression(node);
    const assignment = ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind);
    const update = ts.isPrefixUnaryExpression(node) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken);
    // Calls that enclose the target run after it; their callee and earlier arguments run before.
    if ((effect || assignment || update) && node.end <= target.getStart(sourceFile)) {
      found = true;
      return;
    }
    if (assignment || update) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}

/** True when `node`, inside `statement`, only runs on some paths (after `&&`, in a `?:` branch, a nested function). */
function isConditional(node: ts.Node, statement: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent && child !== statement; child = parent, parent = parent.parent) {
    if (isFunctionLike(parent)) return true;
    if (ts.isBinaryExpression(parent) && parent.right === child && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(parent.operatorToken.kind)) return true;
    if (ts.isConditionalExpression(parent) && parent.condition !== child) return true;
    if (ts.isIfStatement(parent) && parent.expression !== child) return true;
  }
  return false;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

function indentOf(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))![0];
}

/** True when `node` starts its line (only indentation before it) and nothing but a comment follows it on its last line. */
function ownsLines(text: string, node: ts.Node, sourceFile: ts.SourceFile): boolean {
  const start = node.getStart(sourceFile);
  return text.slice(lineStart(text, start), start).trim() === '' && /^\s*(\/\/.*)?$/.test(text.slice(node.end, lineEnd(text, node.end)).replace(/\n$/, ''));
}

function unusedName(text: string, base: string): string {
  for (let index = 0; ; index++) {
    const name = index === 0 ? base : `${base}${index + 1}`;
    if (!new RegExp(`\\b${name}\\b`).test(text)) return name;
  }
}

/** Every identifier of `sourceFile` bound to `symbol`. */
function referencesOf(checker: ts.TypeChecker, sourceFile: ts.SourceFile, symbol: ts.Symbol): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && checker.getSymbolAtLocation(node) === symbol) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** References that a plain textual rename or inline would break: `{ name }` shorthands, exports. */
function hasAwkwardUse(references: readonly ts.Identifier[]): boolean {
  return references.some((reference) => ts.isShorthandPropertyAssignment(reference.parent) || ts.isExportSpecifier(reference.parent) || ts.isBindingElement(reference.parent));
}

interface FileContext {
  path: string;
  text: string;
  sourceFile: ts.SourceFile;
  checker: ts.TypeChecker;
  semicolon: string;
}

function candidate(file: FileContext, kind: RefactorKind, node: ts.Node, description: string, edits: RefactorCandidate['edits']): RefactorCandidate {
  const line = file.sourceFile.getLineAndCharacterOfPosition(node.getStart(file.sourceFile)).line + 1;
  return { id: `${file.path}:${line}:${kind}:${node.getStart(file.sourceFile)}-${node.end}`, kind, path: file.path, line, description, edits };
}

function renameLocals(file: FileContext): RefactorCandidate[] {
  const found: RefactorCandidate[] = [];
  const visit = (node: ts.Node): void => {
    const named = ts.isVariableDeclaration(node) || ts.isParameter(node) ? node.name : undefined;
    if (named && ts.isIdentifier(named) && insideFunction(node) && !ts.isCatchClause(node.parent)) {
      const symbol = file.checker.getSymbolAtLocation(named);
      const references = symbol ? referencesOf(file.checker, file.sourceFile, symbol) : [];
      if (symbol && references.length >= 2 && !hasAwkwardUse(references)) {
        const name = unusedName(file.text, `${named.text}Value`);
        const edits = references.map((reference) => ({ start: reference.getStart(file.sourceFile), end: reference.end, text: name }));
        found.push(candidate(file, 'rename-local', named, `rename \`${named.text}\` to \`${name}\` (${references.length} occurrences)`, edits));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file.sourceFile);
  return found;
}

const extractableOperators = new Set([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

function isExtractable(node: ts.Node): boolean {
  if (ts.isBinaryExpression(node)) return extractableOperators.has(node.operatorToken.kind);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const parent = node.parent;
    // `a.b()` must stay a method call (its `this`), and assignment targets stay in place.
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node) return false;
    if (ts.isBinaryExpression(parent) && isAssignment(parent.operatorToken.kind) && parent.left === node) return false;
    // The whole chain, not its head: `a.b` of `a.b.c` stays put.
    return !(ts.isPropertyAccessExpression(parent) && parent.expression === node);
  }
  return false;
}

/** The part of a statement that runs first and unconditionally: an `if` condition, or the whole of a simple statement. */
function evaluatedPart(statement: ts.Statement): ts.Node | undefined {
  if (ts.isIfStatement(statement)) return statement.expression;
  if (ts.isReturnStatement(statement)) return statement.expression;
  if (ts.isExpressionStatement(statement)) return statement.expression;
  if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) return statement.declarationList.declarations[0]!.initializer;
  return undefined;
}

/** Characters that would join a new semicolon-less line with the statement after it. */
const continuesPreviousLine = /^[([`+\-/]/;

function extractVariables(file: FileContext): RefactorCandidate[] {
  const found: RefactorCandidate[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBlock(node) && insideFunction(node)) {
      for (const statement of node.statements) {
        const part = evaluatedPart(statement);
        if (!part || !ownsLines(file.text, statement, file.sourceFile) || continuesPreviousLine.test(statement.getText(file.sourceFile))) continue;
        const expressions: ts.Node[] = [];
        const collect = (child: ts.Node): void => {
          if (isFunctionLike(child)) return;
          if (child !== part && isExtractable(child) && isPure(child) && !isConditional(child, statement) && !effectBefore(statement, child, file.sourceFile)) expressions.push(child);
          ts.forEachChild(child, collect);
        };
        collect(part);
        for (const expression of expressions) {
          const start = expression.getStart(file.sourceFile);
          const name = unusedName(file.text, 'extracted');
          const at = lineStart(file.text, statement.getStart(file.sourceFile));
          const declaration = `${indentOf(file.text, at)}const ${name} = ${expression.getText(file.sourceFile)}${file.semicolon}\n`;
          const edits = [
            { start: at, end: at, text: declaration },
            { start, end: expression.end, text: name },
          ];
          found.push(candidate(file, 'extract-variable', expression, `extract \`${expression.getText(file.sourceFile)}\` into \`const ${name}\``, edits));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file.sourceFile);
  return found;
}

function singleConst(statement: ts.Statement | undefined): ts.VariableDeclaration | undefined {
  if (!statement || !ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) return undefined;
  const [declaration, ...rest] = statement.declarationList.declarations;
  return rest.length === 0 && declaration && ts.isIdentifier(declaration.name) && declaration.initializer ? declaration : undefined;
}

/** True when `expression`, put where `use` is, could bind differently without parentheses. */
function needsParentheses(expression: ts.Expression, use: ts.Node): boolean {
  const primary = ts.isIdentifier(expression) || ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression) || ts.isLiteralExpression(expression) || ts.isParenthesizedExpression(expression) || ts.isCallExpression(expression);
  const parent = use.parent;
  const standsAlone =
    ts.isTemplateSpan(parent) || ts.isReturnStatement(parent) || ts.isVariableDeclaration(parent) || ts.isArrayLiteralExpression(parent) || ts.isPropertyAssignment(parent) || ts.isParenthesizedExpression(parent) || ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== use);
  return !primary && !standsAlone;
}

function inlineConstants(file: FileContext): RefactorCandidate[] {
  const found: RefactorCandidate[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBlock(node) && insideFunction(node)) {
      node.statements.forEach((statement, index) => {
        const declaration = singleConst(statement);
        const next = node.statements[index + 1];
        if (!declaration || !next || !isPure(declaration.initializer!) || !ownsLines(file.text, statement, file.sourceFile)) return;
        const symbol = file.checker.getSymbolAtLocation(declaration.name);
        const uses = symbol ? referencesOf(file.checker, file.sourceFile, symbol).filter((reference) => reference !== declaration.name) : [];
        const use = uses[0];
        if (uses.length !== 1 || !use || hasAwkwardUse(uses) || use.getStart(file.sourceFile) < next.getStart(file.sourceFile) || use.end > next.end) return;
        if (isConditional(use, next) || effectBefore(next, use, file.sourceFile)) return;
        const initializer = declaration.initializer!.getText(file.sourceFile);
        const replacement = needsParentheses(declaration.initializer!, use) ? `(${initializer})` : initializer;
        const start = lineStart(file.text, statement.getStart(file.sourceFile));
        let end = lineEnd(file.text, statement.end);
        // Removing the line must not leave two blank lines in a row, nor a blank line opening the block.
        const before = start > 0 ? file.text.slice(lineStart(file.text, start - 1), start).trim() : '{';
        if (file.text.slice(end, lineEnd(file.text, end)).trim() === '' && (before === '' || before.endsWith('{'))) end = lineEnd(file.text, end);
        const edits = [
          { start, end, text: '' },
          { start: use.getStart(file.sourceFile), end: use.end, text: replacement },
        ];
        found.push(candidate(file, 'inline-constant', declaration, `inline \`const ${declaration.name.getText(file.sourceFile)}\` into its only use`, edits));
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file.sourceFile);
  return found;
}

function mentions(node: ts.Node, name: string): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child) && child.text === name) found = true;
    if (!found) ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

function reorderConstants(file: FileContext): RefactorCandidate[] {
  const found: RefactorCandidate[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBlock(node) && insideFunction(node)) {
      node.statements.forEach((statement, index) => {
        const next = node.statements[index + 1];
        const first = singleConst(statement);
        const second = singleConst(next);
        if (!first || !second || !next || !isPure(first.initializer!) || !isPure(second.initializer!)) return;
        if (mentions(second.initializer!, first.name.getText(file.sourceFile)) || mentions(first.initializer!, second.name.getText(file.sourceFile))) return;
        if (!ownsLines(file.text, statement, file.sourceFile) || !ownsLines(file.text, next, file.sourceFile)) return;
        const firstText = file.text.slice(statement.getStart(file.sourceFile), statement.end);
        const secondText = file.text.slice(next.getStart(file.sourceFile), next.end);
        const edits = [
          { start: statement.getStart(file.sourceFile), end: statement.end, text: secondText },
          { start: next.getStart(file.sourceFile), end: next.end, text: firstText },
        ];
        const names = `\`${first.name.getText(file.sourceFile)}\` and \`${second.name.getText(file.sourceFile)}\``;
        found.push(candidate(file, 'reorder-constants', statement, `swap the declarations of ${names}`, edits));
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file.sourceFile);
  return found;
}

/** Every refactor candidate of `paths` (relative to `dir`), in file order. */
export function refactorCandidates(dir: string, paths: readonly string[]): RefactorCandidate[] {
  const program = ts.createProgram({ rootNames: paths.map((path) => join(dir, path)), options });
  const checker = program.getTypeChecker();
  const found: RefactorCandidate[] = [];
  for (const path of paths) {
    const sourceFile = program.getSourceFile(join(dir, path));
    if (!sourceFile) continue;
    const text = sourceFile.text;
    // Follow the file's style: semicolons only where its statements already end with one.
    const semicolon = /;\s*$/m.test(text.replace(/for\s*\([^)]*\)/g, '')) ? ';' : '';
    const file: FileContext = { path, text, sourceFile, checker, semicolon };
    found.push(...renameLocals(file), ...extractVariables(file), ...inlineConstants(file), ...reorderConstants(file));
  }
  return found;
}
