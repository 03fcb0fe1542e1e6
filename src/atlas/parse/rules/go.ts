/** Extraction rules for Go: functions, methods (`Type.Method`), types, struct fields, constants, variables, imports. */
import type { Node } from 'web-tree-sitter';
import type { SymbolKind } from '../../../core/types.ts';
import type { DefinitionRule, ImportRule, LanguageRules, RuleContext, SymbolDraft } from '../rules.ts';
import { unquote } from '../text.ts';
import { draftOf } from './helpers.ts';

const declared = { name: null } as const;

/** Go exports names that start with an upper-case letter. */
function isCapitalised(name: string): boolean {
  const first = name.charCodeAt(0);
  if (first < 128) return first >= 65 && first <= 90;
  return /^\p{Lu}/u.test(name);
}

/** The receiver's type name: `func (s *Server[T]) Run()` -> `Server`. */
function receiverType(node: Node, context: RuleContext): string {
  const receiver = node.childForFieldName('receiver');
  const parameter = receiver?.namedChildren.find((child) => child.type === 'parameter_declaration');
  const type = parameter?.childForFieldName('type');
  if (!type) return '';
  return /([\p{L}_][\p{L}\p{N}_]*)\s*(\[.*)?$/su.exec(context.text(type).replace(/^\*\s*/, ''))?.[1] ?? '';
}

/** A lone spec starts at its keyword (`type Foo struct`); a spec in a group starts at its name. */
function specStart(node: Node, context: RuleContext): number {
  const outer = context.ancestorStart(1);
  return outer >= 0 && /^(type|const|var)\s+$/.test(context.source.slice(outer, node.startIndex)) ? outer : node.startIndex;
}

const method: DefinitionRule = {
  define: (node, context) => {
    const name = node.childForFieldName('name');
    const draft = draftOf(context, node, 'method', name, name ? isCapitalised(context.text(name)) : false);
    const type = receiverType(node, context);
    if (draft && type) draft.qualifier = type;
    return draft;
  },
};

function kindOfType(type: Node | null): SymbolKind {
  if (type?.type === 'struct_type') return 'struct';
  if (type?.type === 'interface_type') return 'interface';
  return 'type';
}

/** `type Foo struct {...}`: the signature stops at the field list. */
const typeSpec: DefinitionRule = {
  define: (node, context) => {
    const name = node.childForFieldName('name');
    const type = node.childForFieldName('type');
    const kind = node.type === 'type_alias' ? 'type' : kindOfType(type);
    const body = kind === 'struct' ? type?.firstNamedChild : kind === 'interface' ? type : null;
    const signatureEnd = body ? body.startIndex + (kind === 'interface' ? 'interface'.length : 0) : node.endIndex;
    const draft = draftOf(context, node, kind, name, name ? isCapitalised(context.text(name)) : false, { signatureEnd });
    if (!draft) return null;
    draft.start = specStart(node, context);
    draft.signature = draft.start < node.startIndex ? context.signature(draft.start, signatureEnd) : `type ${draft.signature}`.slice(0, 200);
    return draft;
  },
};

/** Specs and fields that declare several names at once: `const a, b = 1, 2`, `X, Y int`. */
function names(kind: SymbolKind, keyword: string): DefinitionRule {
  return {
    when: (context) => !context.local,
    define: (node, context) => {
      const start = keyword ? specStart(node, context) : node.startIndex;
      const signature = start < node.startIndex ? context.signature(start, node.endIndex) : `${keyword}${context.signature(start, node.endIndex)}`;
      return node.childrenForFieldName('name').map((name): SymbolDraft => {
        const text = context.text(name);
        return { kind, name: text, nameStart: name.startIndex, start, end: node.endIndex, exported: isCapitalised(text), signature };
      });
    },
  };
}

/** `import m "a/b"`, `import _ "c"`, `import . "d"`. */
const importSpec: ImportRule = (node, context) => {
  const path = node.childForFieldName('path');
  if (!path) return true;
  const alias = node.childForFieldName('name');
  const localName = alias ? context.text(alias) : '';
  context.addImport({ source: unquote(context.text(path)), importedName: localName === '_' ? '' : '*', localName, reexport: false }, node.startIndex);
  return true;
};

/** Rules for the `go` grammar. */
export const goRules: LanguageRules = {
  definitions: {
    function_declaration: {
      define: (node, context) => {
        const name = node.childForFieldName('name');
        return draftOf(context, node, 'function', name, name ? isCapitalised(context.text(name)) : false);
      },
    },
    method_declaration: method,
    type_spec: typeSpec,
    type_alias: typeSpec,
    field_declaration: names('field', ''),
    method_elem: names('method', ''),
    method_spec: names('method', ''),
    const_spec: names('constant', 'const '),
    var_spec: names('variable', 'var '),
  },
  imports: { import_spec: importSpec, package_clause: () => true },
  identifiers: ['identifier', 'field_identifier', 'type_identifier', 'package_identifier'],
  typeIdentifiers: ['type_identifier'],
  uses: {
    call_expression: { function: 'call' },
    composite_literal: { type: 'new' },
    assignment_statement: { left: 'write' },
    inc_statement: { '': 'write' },
    dec_statement: { '': 'write' },
    short_var_declaration: { left: null },
    range_clause: { left: null },
    parameter_declaration: declared,
    variadic_parameter_declaration: declared,
    type_parameter_declaration: declared,
    keyed_element: { key: null },
    labeled_statement: { label: null },
    function_declaration: declared,
    method_declaration: declared,
    type_spec: declared,
    type_alias: declared,
    field_declaration: declared,
    method_elem: declared,
    const_spec: declared,
    var_spec: declared,
  },
  members: { selector_expression: 'field', qualified_type: 'name' },
  transparent: ['parenthesized_expression', 'expression_list', 'literal_element', 'generic_type'],
  opaque: ['interpreted_string_literal', 'raw_string_literal', 'rune_literal', 'int_literal', 'float_literal'],
  localScopes: ['function_declaration', 'method_declaration', 'func_literal'],
  wrappers: ['type_declaration', 'const_declaration', 'var_declaration'],
  attributes: [],
  comments: ['comment'],
  docStyle: 'line',
};
