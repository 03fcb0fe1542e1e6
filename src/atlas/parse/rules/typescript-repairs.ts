/** Workarounds for tree-sitter-typescript 0.23 misreading modifiers used as member names. */
import type { Node } from 'web-tree-sitter';
import type { SymbolKind } from '../../../core/types.ts';
import type { RuleContext, SymbolDraft } from '../rules.ts';

/**
 * `abstract: boolean;` in an interface parses as an ERROR (`abstract:`) followed by a property
 * named `boolean`. Visiting the ERROR, remember the real name in the scope so that the next
 * property signature can be repaired.
 */
export function rememberMisparsedProperty(node: Node, context: RuleContext): void {
  const parent = context.ancestorType(1);
  if (parent !== 'interface_body' && parent !== 'object_type') return;
  const match = /^([A-Za-z_$][\w$]*)\s*\??\s*:$/.exec(context.text(node));
  if (match) context.scope.state = `misparsed:${node.endIndex}:${node.startIndex}:${match[1]}`;
}

/** The repaired property when an ERROR right before `node` held its name; else undefined. */
export function repairMisparsedProperty(node: Node, context: RuleContext): SymbolDraft | undefined {
  const misparsed = /^misparsed:(\d+):(\d+):(.+)$/.exec(context.scope.state);
  if (!misparsed) return undefined;
  context.scope.state = '';
  const [, errorEnd, errorStart, name] = misparsed as unknown as [string, string, string, string];
  if (context.source.slice(Number(errorEnd), node.startIndex).trim() !== '') return undefined;
  const start = Number(errorStart);
  return {
    kind: 'property',
    name,
    nameStart: start,
    start,
    end: node.endIndex,
    exported: context.scope.exported,
    signature: context.signature(start, node.endIndex),
  };
}

/**
 * tree-sitter-typescript 0.23 reads the modifier `abstract` in `abstract = false;` as a keyword and
 * inserts a MISSING name: the name is the last word before the missing one.
 */
export function keywordNamedMember(node: Node, missing: Node, kind: SymbolKind, context: RuleContext): SymbolDraft | null {
  const head = context.source.slice(node.startIndex, missing.startIndex);
  const match = /([A-Za-z_$][\w$]*)\s*$/.exec(head);
  if (!match) return null;
  return {
    kind,
    name: match[1]!,
    nameStart: node.startIndex + match.index,
    start: node.startIndex,
    end: node.endIndex,
    exported: context.scope.exported && !/\bprivate\b/.test(head.slice(0, match.index)),
    signature: context.signature(node.startIndex, node.endIndex),
  };
}
