/** Small helpers the language rules share for turning nodes into symbol drafts. */
import type { Node } from 'web-tree-sitter';
import type { SymbolKind } from '../../../core/types.ts';
import type { RuleContext, SymbolDraft } from '../rules.ts';

/** JavaScript value node types that make a variable (or an `exports.x`) a function. */
export const functionValues: ReadonlySet<string> = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);
/** JavaScript value node types that make a variable a class. */
export const classValues: ReadonlySet<string> = new Set(['class']);

/** Options for `draftOf`. */
export interface DraftOptions {
  /** The field whose start ends the signature (default `body`). */
  bodyField?: string;
  /** An explicit signature end offset. */
  signatureEnd?: number;
  /** A name other than the name node's text (quotes stripped, qualified names). */
  name?: string;
}

/** A draft for `node` named by `nameNode`, with the signature ending where the body starts. */
export function draftOf(
  context: RuleContext,
  node: Node,
  kind: SymbolKind,
  nameNode: Node | null,
  exported: boolean,
  options: DraftOptions = {},
): SymbolDraft | null {
  if (!nameNode) return null;
  const start = node.startIndex;
  const end = node.endIndex;
  let signatureEnd = options.signatureEnd;
  if (signatureEnd === undefined) {
    const body = node.childForFieldName(options.bodyField ?? 'body');
    signatureEnd = body ? body.startIndex : end;
  }
  return {
    kind,
    name: options.name ?? context.text(nameNode),
    nameStart: nameNode.startIndex,
    start,
    end,
    exported,
    signature: context.signature(start, signatureEnd),
  };
}

/** True for `SCREAMING_CASE` names, the convention for constants. */
export function isUpperCaseName(name: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(name);
}
