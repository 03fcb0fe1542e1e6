/** Extraction rules for TypeScript, TSX and JavaScript (one set: the grammars share node types). */
import type { ReferenceKind } from '../../facts.ts';
import type { LanguageRules } from '../rules.ts';
import { typescriptDefinitions } from './typescript-definitions.ts';
import { requireCall, typescriptImports } from './typescript-imports.ts';
import { rememberMisparsedProperty } from './typescript-repairs.ts';

const declared = { name: null } as const;
const anyChild = { '*': null } as const;

/** JSX elements named in lower case are HTML intrinsics, not components. */
function dropIntrinsicElements(name: string, kind: ReferenceKind, parentType: string): ReferenceKind | null {
  if (kind !== 'call' || !parentType.startsWith('jsx_')) return kind;
  const first = name.charCodeAt(0);
  return first >= 97 && first <= 122 ? null : kind;
}

/** Rules for the `typescript`, `tsx` and `javascript` grammars. */
export const typescriptRules: LanguageRules = {
  definitions: typescriptDefinitions,
  imports: typescriptImports,
  callHooks: { require: requireCall },
  identifiers: [
    'identifier',
    'property_identifier',
    'type_identifier',
    'shorthand_property_identifier',
    'private_property_identifier',
  ],
  typeIdentifiers: ['type_identifier'],
  uses: {
    call_expression: { function: 'call' },
    // `as const`: a `constructor` key is otherwise typed as Object's constructor.
    new_expression: { constructor: 'new' as const },
    assignment_expression: { left: 'write' },
    augmented_assignment_expression: { left: 'write' },
    update_expression: { argument: 'write' },
    extends_clause: { value: 'type' },
    export_specifier: { name: 'export', alias: null },
    export_statement: { value: 'export', '': 'export' },
    jsx_opening_element: { name: 'call', attribute: null },
    jsx_self_closing_element: { name: 'call', attribute: null },
    jsx_attribute: { '': null },
    variable_declarator: declared,
    function_declaration: declared,
    generator_function_declaration: declared,
    function_signature: declared,
    function_expression: declared,
    function: declared,
    generator_function: declared,
    class_declaration: declared,
    abstract_class_declaration: declared,
    class: declared,
    interface_declaration: declared,
    type_alias_declaration: declared,
    enum_declaration: declared,
    enum_assignment: declared,
    enum_body: { '': null },
    method_definition: declared,
    method_signature: declared,
    abstract_method_signature: declared,
    property_signature: declared,
    public_field_definition: declared,
    field_definition: { property: null },
    internal_module: declared,
    module: declared,
    nested_identifier: anyChild,
    required_parameter: { pattern: null },
    optional_parameter: { pattern: null },
    formal_parameters: { '': null },
    arrow_function: { parameter: null },
    catch_clause: { parameter: null },
    type_parameter: declared,
    object_pattern: anyChild,
    array_pattern: anyChild,
    rest_pattern: anyChild,
    pair_pattern: anyChild,
    assignment_pattern: { left: null },
    object_assignment_pattern: { left: null },
    pair: { key: null },
    index_signature: declared,
    mapped_type_clause: declared,
    infer_type: { '': null },
    labeled_statement: { label: null },
  },
  members: { member_expression: 'property', nested_type_identifier: 'name' },
  transparent: ['parenthesized_expression', 'non_null_expression'],
  opaque: ['string', 'regex', 'number', 'hash_bang_line', 'jsx_text', 'jsx_closing_element'],
  localScopes: [
    'function_declaration',
    'generator_function_declaration',
    'function_expression',
    'function',
    'generator_function',
    'arrow_function',
    'method_definition',
    'class_static_block',
  ],
  wrappers: ['export_statement', 'lexical_declaration', 'variable_declaration', 'ambient_declaration', 'expression_statement'],
  attributes: ['decorator'],
  comments: ['comment', 'html_comment'],
  docStyle: 'block',
  visitors: { ERROR: rememberMisparsedProperty },
  refine: dropIntrinsicElements,
};
