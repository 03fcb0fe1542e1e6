/** Import rules for TypeScript and JavaScript: `import`, `export ... from`, `import()`, `require()`. */
import type { Node } from 'web-tree-sitter';
import type { ImportRule, RuleContext } from '../rules.ts';
import { unquote } from '../text.ts';

function sourceOf(node: Node, context: RuleContext): string | null {
  const source = node.childForFieldName('source');
  return source ? unquote(context.text(source)) : null;
}

/** `import a, { b as c, type D } from 'x'`, `import * as ns from 'x'`, `import 'x'`, `import fs = require('fs')`. */
const importStatement: ImportRule = (node, context) => {
  const clause = node.namedChildren.find((child) => child.type === 'import_clause' || child.type === 'import_require_clause');
  const source = sourceOf(node, context) ?? '';
  const line = node.startIndex;
  if (!clause) {
    context.addImport({ source, importedName: '', localName: '', reexport: false }, line);
    return true;
  }
  if (clause.type === 'import_require_clause') {
    const local = clause.namedChildren.find((child) => child.type === 'identifier');
    context.addImport({ source, importedName: '*', localName: local ? context.text(local) : '', reexport: false }, line);
    return true;
  }
  for (const part of clause.namedChildren) {
    if (part.type === 'identifier') {
      context.addImport({ source, importedName: 'default', localName: context.text(part), reexport: false }, line);
    } else if (part.type === 'namespace_import') {
      const local = part.namedChildren.find((child) => child.type === 'identifier');
      context.addImport({ source, importedName: '*', localName: local ? context.text(local) : '', reexport: false }, line);
    } else if (part.type === 'named_imports') {
      for (const specifier of part.namedChildren) {
        if (specifier.type !== 'import_specifier') continue;
        addSpecifier(specifier, source, false, context);
      }
    }
  }
  return true;
};

function addSpecifier(specifier: Node, source: string, reexport: boolean, context: RuleContext): void {
  const name = specifier.childForFieldName('name');
  if (!name) return;
  const alias = specifier.childForFieldName('alias');
  const importedName = unquote(context.text(name));
  const localName = alias ? unquote(context.text(alias)) : importedName;
  context.addImport({ source, importedName, localName, reexport }, specifier.startIndex);
  if (importedName !== 'default') context.addReference(importedName, reexport ? 'export' : 'import', name.startIndex);
}

/**
 * `export * from 'x'`, `export * as ns from 'x'`, `export { a as b } from 'x'` are re-exports.
 * Other exports are walked as usual; `export default a` and `export = a` mark `a` exported.
 */
const exportStatement: ImportRule = (node, context) => {
  const source = sourceOf(node, context);
  if (source === null) {
    markExportedNames(node, context);
    return false;
  }
  const clause = node.namedChildren.find((child) => child.type === 'export_clause' || child.type === 'namespace_export');
  if (!clause) {
    context.addImport({ source, importedName: '*', localName: '', reexport: true }, node.startIndex);
  } else if (clause.type === 'namespace_export') {
    const local = clause.firstNamedChild;
    context.addImport({ source, importedName: '*', localName: local ? unquote(context.text(local)) : '', reexport: true }, node.startIndex);
  } else {
    for (const specifier of clause.namedChildren) {
      if (specifier.type === 'export_specifier') addSpecifier(specifier, source, true, context);
    }
  }
  return true;
};

function markExportedNames(node: Node, context: RuleContext): void {
  for (const child of node.namedChildren) {
    if (child.type === 'identifier') context.markExported(context.text(child));
    if (child.type !== 'export_clause') continue;
    for (const specifier of child.namedChildren) {
      const name = specifier.childForFieldName('name');
      if (name) context.markExported(context.text(name));
    }
  }
}

/** The string argument of a call such as `import('x')` or `require('x')`, else null. */
function stringArgument(call: Node | null, context: RuleContext): string | null {
  const argument = call?.childForFieldName('arguments')?.firstNamedChild;
  return argument?.type === 'string' ? unquote(context.text(argument)) : null;
}

/** `import('x')`: the `import` node is the callee of a call expression. */
const dynamicImport: ImportRule = (node, context) => {
  if (context.ancestorType(1) !== 'call_expression') return false;
  const source = stringArgument(node.parent, context);
  if (source !== null) context.addImport({ source, importedName: '*', localName: '', reexport: false }, node.startIndex);
  return true;
};

/** `require('x')`, `const a = require('x')`, `const { b, c: d } = require('x')`. */
export function requireCall(identifier: Node, context: RuleContext): void {
  const call = identifier.parent;
  const source = stringArgument(call, context);
  if (source === null || !call) return;
  const holder = call.parent;
  const target = holder?.type === 'variable_declarator' ? holder.childForFieldName('name') : null;
  if (target?.type === 'object_pattern') {
    for (const property of target.namedChildren) {
      const key = property.type === 'pair_pattern' ? property.childForFieldName('key') : property;
      const value = property.type === 'pair_pattern' ? property.childForFieldName('value') : property;
      if (!key || !value || (property.type !== 'pair_pattern' && property.type !== 'shorthand_property_identifier_pattern')) continue;
      context.addImport({ source, importedName: context.text(key), localName: context.text(value), reexport: false }, call.startIndex);
    }
    return;
  }
  const localName = target?.type === 'identifier' ? context.text(target) : '';
  context.addImport({ source, importedName: '*', localName, reexport: false }, call.startIndex);
}

/** Import rules by node type. */
export const typescriptImports: Record<string, ImportRule> = {
  import_statement: importStatement,
  export_statement: exportStatement,
  import: dynamicImport,
};
