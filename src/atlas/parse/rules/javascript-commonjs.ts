/** CommonJS exports for JavaScript: `exports.a = ...`, `module.exports.a = ...`, `module.exports = { a, b }`. */
import type { Node } from 'web-tree-sitter';
import type { SymbolKind } from '../../../core/types.ts';
import type { DefinitionRule, RuleContext } from '../rules.ts';
import { classValues, draftOf, functionValues } from './helpers.ts';

/** CommonJS: `exports.a = ...`, `module.exports.a = ...`, `module.exports = { a, b }`. */
export const commonJsExport: DefinitionRule = {
  when: (context) => !context.local && context.scope.kind === 'file' && context.ancestorType(1) === 'expression_statement',
  define: (node, context) => {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || left.type !== 'member_expression' || !right) return null;
    const target = context.text(left);
    if (target === 'module.exports') {
      markExportedValue(right, context);
      return null;
    }
    const match = /^(?:module\.)?exports\.([\w$]+)$/.exec(target);
    if (!match) return null;
    const property = left.childForFieldName('property');
    const kind: SymbolKind = functionValues.has(right.type) ? 'function' : classValues.has(right.type) ? 'class' : 'variable';
    const signatureEnd = right.childForFieldName('body')?.startIndex ?? node.endIndex;
    return draftOf(context, node, kind, property, true, { signatureEnd });
  },
};

function markExportedValue(value: Node, context: RuleContext): void {
  if (value.type === 'identifier') context.markExported(context.text(value));
  if (value.type !== 'object') return;
  for (const entry of value.namedChildren) {
    if (entry.type === 'shorthand_property_identifier') context.markExported(context.text(entry));
    const entryValue = entry.type === 'pair' ? entry.childForFieldName('value') : null;
    if (entryValue?.type === 'identifier') context.markExported(context.text(entryValue));
  }
}
