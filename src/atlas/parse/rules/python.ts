/** Extraction rules for Python: classes, functions, methods, module and class attributes, imports. */
import type { Node } from 'web-tree-sitter';
import type { SymbolKind } from '../../../core/types.ts';
import type { DefinitionRule, ImportRule, LanguageRules, RuleContext, SymbolDraft } from '../rules.ts';
import { docFromDocstring } from '../comments.ts';
import { draftOf, isUpperCaseName } from './helpers.ts';

const declared = { name: null } as const;
const unnamedChildren = { '': null } as const;

/** Module-level names not starting with `_` are public; members also need a public class. Dunders are public. */
function isPublic(name: string, context: RuleContext): boolean {
  const visibleName = !name.startsWith('_') || (name.startsWith('__') && name.endsWith('__') && name.length > 4);
  const scope = context.scope.kind;
  if (scope === 'file') return visibleName;
  return scope === 'class' && context.scope.exported && visibleName && !context.local;
}

/** The docstring: a string literal as the first statement of the body. */
function docstring(node: Node, context: RuleContext): string {
  const first = node.childForFieldName('body')?.firstNamedChild;
  if (first?.type !== 'expression_statement') return '';
  const literal = first.firstNamedChild;
  return literal?.type === 'string' ? docFromDocstring(context.text(literal)) : '';
}

/** Where the head of a `def` or `class` ends: before the `:` and any comment after it. */
function headEnd(node: Node, name: Node): number {
  const last =
    node.childForFieldName('return_type') ??
    node.childForFieldName('parameters') ??
    node.childForFieldName('superclasses') ??
    node.childForFieldName('type_parameters') ??
    name;
  return last.endIndex;
}

function definition(kind: (context: RuleContext) => SymbolKind): DefinitionRule {
  return {
    define: (node, context) => {
      const name = node.childForFieldName('name');
      if (!name) return null;
      const draft = draftOf(context, node, kind(context), name, isPublic(context.text(name), context), { signatureEnd: headEnd(node, name) });
      if (draft) draft.doc = docstring(node, context);
      return draft;
    },
  };
}

/** `X = 1`, `a, b = 1, 2`, `x: int = 0` in a module or class body. */
const assignment: DefinitionRule = {
  when: (context) =>
    !context.local && context.ancestorType(1) === 'expression_statement' && (context.scope.kind === 'file' || context.scope.kind === 'class'),
  define: (node, context) => {
    const left = node.childForFieldName('left');
    if (!left) return null;
    const names = left.type === 'identifier' ? [left] : left.type === 'pattern_list' || left.type === 'tuple_pattern' ? left.namedChildren.filter((child) => child.type === 'identifier') : [];
    const signature = context.signature(node.startIndex, node.endIndex);
    return names.map((name): SymbolDraft => {
      const text = context.text(name);
      const kind: SymbolKind = context.scope.kind === 'class' ? 'field' : isUpperCaseName(text) ? 'constant' : 'variable';
      return { kind, name: text, nameStart: name.startIndex, start: node.startIndex, end: node.endIndex, exported: isPublic(text, context), signature };
    });
  },
};

/** `import a.b as c`, `import os`. */
const importStatement: ImportRule = (node, context) => {
  for (const name of node.childrenForFieldName('name')) {
    const isAlias = name.type === 'aliased_import';
    const path = isAlias ? name.childForFieldName('name') : name;
    const alias = isAlias ? name.childForFieldName('alias') : null;
    if (!path) continue;
    const source = context.text(path);
    // `import a.b` binds `a`; `import a.b as c` binds `c`.
    const localName = alias ? context.text(alias) : source.split('.')[0]!;
    context.addImport({ source, importedName: '*', localName, reexport: false }, name.startIndex);
  }
  return true;
};

/** `from .x import y as z, w`, `from m import *`, `from __future__ import annotations`. */
const importFrom: ImportRule = (node, context) => {
  const module = node.childForFieldName('module_name');
  const source = module ? context.text(module) : '__future__';
  if (node.namedChildren.some((child) => child.type === 'wildcard_import')) {
    context.addImport({ source, importedName: '*', localName: '', reexport: false }, node.startIndex);
  }
  for (const name of node.childrenForFieldName('name')) {
    const isAlias = name.type === 'aliased_import';
    const imported = isAlias ? name.childForFieldName('name') : name;
    const alias = isAlias ? name.childForFieldName('alias') : null;
    if (!imported) continue;
    const importedName = context.text(imported);
    context.addImport({ source, importedName, localName: alias ? context.text(alias) : importedName, reexport: false }, name.startIndex);
    context.addReference(importedName, 'import', imported.startIndex);
  }
  return true;
};

const methodOrFunction = (context: RuleContext): SymbolKind => (context.scope.kind === 'class' && !context.local ? 'method' : 'function');

/** Rules for the `python` grammar. */
export const pythonRules: LanguageRules = {
  definitions: {
    function_definition: definition(methodOrFunction),
    class_definition: definition(() => 'class'),
    type_alias_statement: {
      define: (node, context) => {
        const name = node.childForFieldName('left');
        const nameNode = name?.type === 'type' ? name.firstNamedChild : name;
        return draftOf(context, node, 'type', nameNode ?? null, nameNode ? isPublic(context.text(nameNode), context) : false, { signatureEnd: node.endIndex });
      },
    },
    assignment,
  },
  imports: { import_statement: importStatement, import_from_statement: importFrom, future_import_statement: importFrom },
  identifiers: ['identifier'],
  typeIdentifiers: [],
  typeContexts: ['type'],
  uses: {
    call: { function: 'call' },
    assignment: { left: 'write' },
    augmented_assignment: { left: 'write' },
    for_statement: { left: 'write' },
    for_in_clause: { left: null },
    function_definition: declared,
    class_definition: declared,
    parameters: unnamedChildren,
    lambda_parameters: unnamedChildren,
    default_parameter: declared,
    typed_parameter: unnamedChildren,
    typed_default_parameter: declared,
    list_splat_pattern: unnamedChildren,
    dictionary_splat_pattern: unnamedChildren,
    keyword_argument: declared,
    global_statement: unnamedChildren,
    nonlocal_statement: unnamedChildren,
    as_pattern: { alias: null },
    as_pattern_target: unnamedChildren,
    type_parameter: unnamedChildren,
  },
  members: { attribute: 'attribute' },
  transparent: ['parenthesized_expression', 'pattern_list', 'tuple_pattern'],
  opaque: ['string_content', 'escape_sequence', 'integer', 'float'],
  localScopes: ['function_definition', 'lambda'],
  wrappers: ['decorated_definition', 'expression_statement'],
  attributes: ['decorator'],
  comments: ['comment'],
  docStyle: 'none',
};
