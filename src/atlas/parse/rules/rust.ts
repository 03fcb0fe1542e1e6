/** Extraction rules for Rust: items, impl methods (`Type.method`), traits, macros, fields, `use` trees. */
import type { Node } from 'web-tree-sitter';
import type { SymbolKind } from '../../../core/types.ts';
import type { DefinitionRule, ImportRule, LanguageRules, RuleContext } from '../rules.ts';
import { draftOf } from './helpers.ts';

const declared = { name: null } as const;
const anyChild = { '*': null } as const;

/** `pub` items are exported (not `pub(crate)`); trait items and trait impl items follow their trait. */
function isExported(node: Node, context: RuleContext): boolean {
  const scope = context.scope;
  if (scope.kind === 'trait' || (scope.kind === 'block' && scope.state === 'trait-impl')) return scope.exported;
  const first = node.firstNamedChild;
  return first?.type === 'visibility_modifier' && context.text(first) === 'pub' && (scope.kind === 'file' || scope.exported);
}

function item(kind: SymbolKind): DefinitionRule {
  return { define: (node, context) => draftOf(context, node, kind, node.childForFieldName('name'), isExported(node, context)) };
}

/** Functions in an `impl` or `trait` are methods. */
function functionItem(): DefinitionRule {
  return {
    define: (node, context) => {
      const scope = context.scope.kind;
      const kind: SymbolKind = (scope === 'block' || scope === 'trait') && !context.local ? 'method' : 'function';
      return draftOf(context, node, kind, node.childForFieldName('name'), isExported(node, context));
    },
  };
}

/** `impl<T> Trait for Type<T>` qualifies its items by `Type`. */
const implItem: DefinitionRule = {
  define: (node, context) => {
    let type = node.childForFieldName('type');
    while (type && (type.type === 'generic_type' || type.type === 'reference_type' || type.type === 'pointer_type')) {
      type = type.childForFieldName('type');
    }
    if (!type) return null;
    const text = context.text(type);
    const qualifier = text.slice(text.lastIndexOf('::') + 1).replace(/^:/, '');
    const traitImpl = node.childForFieldName('trait') !== null;
    return { qualifier, exported: true, state: traitImpl ? 'trait-impl' : '' };
  },
};

/** Imports one `use` tree: `a::b::{c, d as e, f::*}`. */
function addUseTree(tree: Node, prefix: string, context: RuleContext): void {
  switch (tree.type) {
    case 'scoped_use_list': {
      const path = tree.childForFieldName('path');
      const list = tree.childForFieldName('list');
      const next = path ? `${prefix}${context.text(path)}::` : prefix;
      if (list) for (const child of list.namedChildren) addUseTree(child, next, context);
      return;
    }
    case 'use_list':
      for (const child of tree.namedChildren) addUseTree(child, prefix, context);
      return;
    case 'use_as_clause': {
      const path = tree.childForFieldName('path');
      const alias = tree.childForFieldName('alias');
      if (path) addUsePath(`${prefix}${context.text(path)}`, alias ? context.text(alias) : null, tree.startIndex, context);
      return;
    }
    case 'use_wildcard': {
      const path = tree.firstNamedChild;
      const source = `${prefix}${path ? context.text(path) : ''}`.replace(/::$/, '');
      context.addImport({ source, importedName: '*', localName: '', reexport: false }, tree.startIndex);
      return;
    }
    default:
      addUsePath(`${prefix}${context.text(tree)}`, null, tree.startIndex, context);
  }
}

function addUsePath(path: string, alias: string | null, offset: number, context: RuleContext): void {
  // `use a::b::{self}` imports the module `a::b` itself.
  const full = path.endsWith('::self') ? path.slice(0, -'::self'.length) : path;
  const cut = full.lastIndexOf('::');
  const importedName = cut < 0 ? full : full.slice(cut + 2);
  const source = cut < 0 ? '' : full.slice(0, cut);
  context.addImport({ source, importedName, localName: alias ?? importedName, reexport: false }, offset);
  context.addReference(importedName, 'import', offset);
}

const useDeclaration: ImportRule = (node, context) => {
  const argument = node.childForFieldName('argument');
  if (argument) addUseTree(argument, '', context);
  return true;
};

const externCrate: ImportRule = (node, context) => {
  const name = node.childForFieldName('name');
  const alias = node.childForFieldName('alias');
  if (name) context.addImport({ source: context.text(name), importedName: '*', localName: context.text(alias ?? name), reexport: false }, node.startIndex);
  return true;
};

/** Rules for the `rust` grammar. */
export const rustRules: LanguageRules = {
  definitions: {
    function_item: functionItem(),
    function_signature_item: functionItem(),
    struct_item: item('struct'),
    union_item: item('struct'),
    enum_item: item('enum'),
    enum_variant: { define: (node, context) => draftOf(context, node, 'enum-member', node.childForFieldName('name'), context.scope.exported) },
    trait_item: item('trait'),
    impl_item: implItem,
    type_item: item('type'),
    associated_type: item('type'),
    const_item: { when: (context) => !context.local, define: item('constant').define },
    static_item: { when: (context) => !context.local, define: item('variable').define },
    mod_item: item('module'),
    macro_definition: {
      define: (node, context) => {
        const name = node.childForFieldName('name');
        return draftOf(context, node, 'macro', name, true, { signatureEnd: name?.endIndex ?? node.endIndex });
      },
    },
    field_declaration: item('field'),
  },
  imports: { use_declaration: useDeclaration, extern_crate_declaration: externCrate },
  identifiers: ['identifier', 'field_identifier', 'type_identifier', 'shorthand_field_identifier'],
  typeIdentifiers: ['type_identifier'],
  uses: {
    call_expression: { function: 'call' },
    macro_invocation: { macro: 'call' },
    struct_expression: { name: 'new' },
    assignment_expression: { left: 'write' },
    compound_assignment_expr: { left: 'write' },
    let_declaration: { pattern: null },
    parameter: { pattern: null },
    closure_parameters: anyChild,
    for_expression: { pattern: null },
    tuple_pattern: anyChild,
    slice_pattern: anyChild,
    ref_pattern: anyChild,
    mut_pattern: anyChild,
    captured_pattern: anyChild,
    tuple_struct_pattern: { type: 'read', '*': null },
    field_pattern: { name: null, pattern: null, '': null },
    field_initializer: { field: null },
    type_parameter: declared,
    const_parameter: declared,
    lifetime: anyChild,
    label: anyChild,
    function_item: declared,
    function_signature_item: declared,
    struct_item: declared,
    union_item: declared,
    enum_item: declared,
    enum_variant: declared,
    trait_item: declared,
    type_item: declared,
    associated_type: declared,
    const_item: declared,
    static_item: declared,
    mod_item: declared,
    macro_definition: declared,
    field_declaration: declared,
  },
  members: { field_expression: 'field', scoped_identifier: 'name', scoped_type_identifier: 'name' },
  transparent: ['parenthesized_expression', 'generic_function', 'generic_type'],
  opaque: ['string_literal', 'raw_string_literal', 'char_literal', 'attribute_item', 'inner_attribute_item', 'integer_literal', 'float_literal'],
  localScopes: ['function_item', 'closure_expression'],
  wrappers: [],
  attributes: ['attribute_item'],
  comments: ['line_comment', 'block_comment'],
  docStyle: 'rust',
};
