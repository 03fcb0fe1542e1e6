/** Checks the JSDoc comments a change added or changed in a TypeScript or JavaScript file against the functions they document. */
import ts from 'typescript';
import { parameterProblems } from './document-parameters.ts';
import type { DocumentedFunction } from './document-types.ts';

type FunctionNode = ts.SignatureDeclaration & { body?: ts.ConciseBody };

/** The script kind of a path, for parsing JavaScript and JSX as well as TypeScript. */
export function scriptKindOf(path: string): ts.ScriptKind {
  if (/\.tsx$/.test(path)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(path)) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

const documentable = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
]);

function localName(node: FunctionNode): string {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (node.name) return node.name.getText();
  if (ts.isVariableDeclaration(node.parent) || ts.isPropertyDeclaration(node.parent) || ts.isPropertyAssignment(node.parent)) return node.parent.name.getText();
  return '(anonymous)';
}

/** `Cart.add` for a method of class `Cart`, `total` for a function. */
function nameOf(node: FunctionNode): string {
  let owner: ts.Node | undefined = node.parent;
  while (owner && !ts.isClassLike(owner) && !ts.isInterfaceDeclaration(owner) && !ts.isSourceFile(owner)) owner = owner.parent;
  const ownerName = owner && (ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner)) ? owner.name?.getText() : undefined;
  return ownerName ? `${ownerName}.${localName(node)}` : localName(node);
}

/** Visits the nodes of a body that run when the function runs: nested functions and classes are left out. */
function visitOwn(body: ts.Node, visit: (node: ts.Node) => void): void {
  const walk = (node: ts.Node) => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    visit(node);
    ts.forEachChild(node, walk);
  };
  ts.forEachChild(body, walk);
}

function returnsValue(node: FunctionNode): boolean {
  if (ts.isConstructorDeclaration(node) || ts.isSetAccessorDeclaration(node)) return false;
  if (!node.body) return !node.type || !/^(void|undefined|never|Promise<void>)$/.test(node.type.getText());
  if (!ts.isBlock(node.body)) return !ts.isVoidExpression(node.body);
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)) && node.asteriskToken) return true;
  let found = false;
  visitOwn(node.body, (child) => (found ||= ts.isReturnStatement(child) && child.expression !== undefined));
  return found;
}

/** Whether the body can throw: a `throw`, or a call, `new` or `await` that may; and the classes thrown with `throw new`. */
function throwing(body: ts.Node): { any: boolean; onlyThrows: boolean; thrown: string[] } {
  const thrown: string[] = [];
  let throws = false;
  let calls = false;
  visitOwn(body, (node) => {
    if (ts.isThrowStatement(node)) {
      throws = true;
      if (ts.isNewExpression(node.expression)) thrown.push(node.expression.expression.getText());
    } else if (ts.isCallExpression(node) || ts.isAwaitExpression(node) || ts.isTaggedTemplateExpression(node)) calls = true;
    else if (ts.isNewExpression(node) && !ts.isThrowStatement(node.parent)) calls = true;
  });
  return { any: throws || calls, onlyThrows: !calls && thrown.length > 0, thrown };
}

function thrownType(tag: ts.JSDocThrowsTag): string | undefined {
  if (tag.typeExpression) return tag.typeExpression.type.getText();
  const comment = typeof tag.comment === 'string' ? tag.comment : undefined;
  return /^([A-Z]\w*(?:Error|Exception))\b/.exec(comment ?? '')?.[1];
}

function claimsProblems(node: FunctionNode, doc: ts.JSDoc): string[] {
  const tags: readonly ts.JSDocTag[] = doc.tags ?? [];
  const documented = tags.filter((tag): tag is ts.JSDocParameterTag => ts.isJSDocParameterTag(tag)).filter((tag) => ts.isIdentifier(tag.name)).map((tag) => tag.name.getText());
  const declared = node.parameters.filter((parameter) => parameter.name.getText() !== 'this').map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : null));
  const problems = parameterProblems(documented, declared, '@param');
  if (tags.some(ts.isJSDocReturnTag) && !returnsValue(node)) problems.push(`@returns, but \`${nameOf(node)}\` returns no value`);
  const throwsTags = tags.filter((tag): tag is ts.JSDocThrowsTag => ts.isJSDocThrowsTag(tag));
  if (throwsTags.length > 0 && node.body) {
    const body = throwing(node.body);
    if (!body.any) problems.push(`@throws, but nothing in the body of \`${nameOf(node)}\` can throw`);
    else if (body.onlyThrows) {
      const unknown = throwsTags.map(thrownType).filter((type): type is string => type !== undefined && type !== 'Error' && !body.thrown.includes(type));
      if (unknown.length > 0) problems.push(`@throws ${unknown.join(', ')}, but the body throws only ${body.thrown.join(', ')}`);
    }
  }
  return problems;
}

/** Every function of `text` whose JSDoc comment touches one of the `changed` lines, with the problems of its claims. */
export function typescriptDocumentedFunctions(path: string, text: string, changed: ReadonlySet<number>): DocumentedFunction[] {
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKindOf(path));
  const lineOf = (offset: number) => sourceFile.getLineAndCharacterOfPosition(offset).line + 1;
  const documented: DocumentedFunction[] = [];
  const visit = (node: ts.Node) => {
    if (documentable.has(node.kind)) {
      const doc = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc).at(-1);
      let touched = false;
      if (doc) for (let line = lineOf(doc.getStart()); line <= lineOf(doc.end); line++) touched ||= changed.has(line);
      if (doc && touched) documented.push({ path, name: nameOf(node as FunctionNode), line: lineOf(node.getStart()), problems: claimsProblems(node as FunctionNode, doc) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return documented;
}

/** The file printed without comments, for comparing the code of two versions. */
export function typescriptCode(path: string, text: string): string[] {
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, scriptKindOf(path));
  return ts.createPrinter({ removeComments: true }).printFile(sourceFile).split('\n');
}
