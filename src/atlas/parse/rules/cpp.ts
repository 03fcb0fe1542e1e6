/** Extraction rules for C++: the C rules plus classes, namespaces, methods (`Type.method`), `using` aliases. */
import type { Node } from 'web-tree-sitter';
import type { LanguageRules, RuleContext } from '../rules.ts';
import { cRules, cUses } from './c.ts';
import { cppDefinitions } from './c-family.ts';

/** `public:` / `private:` in a class body sets the access of the members after it. */
function setAccess(node: Node, context: RuleContext): void {
  if (context.ancestorType(1) === 'field_declaration_list') context.scope.state = context.text(node).replace(/\s*:$/, '');
}

/** Rules for the `cpp` grammar. */
export const cppRules: LanguageRules = {
  ...cRules,
  definitions: cppDefinitions,
  identifiers: ['identifier', 'field_identifier', 'type_identifier', 'namespace_identifier'],
  uses: {
    ...cUses,
    new_expression: { type: 'new' },
    reference_declarator: { '': null },
    optional_parameter_declaration: { declarator: null },
    variadic_parameter_declaration: { declarator: null },
    structured_binding_declarator: { '': null },
    for_range_loop: { declarator: null },
    namespace_definition: { name: null },
    nested_namespace_specifier: { '*': null },
    alias_declaration: { name: null },
    concept_definition: { name: null },
    type_parameter_declaration: { '': null },
    optional_type_parameter_declaration: { name: null },
    variadic_type_parameter_declaration: { '': null },
    destructor_name: { '': null },
    field_initializer: { '': 'write' },
    lambda_capture_specifier: { '': 'read' },
  },
  members: { field_expression: 'field', qualified_identifier: 'name' },
  transparent: ['parenthesized_expression', 'template_function', 'template_type', 'template_method'],
  opaque: [...cRules.opaque, 'raw_string_literal', 'using_declaration'],
  localScopes: ['function_definition', 'lambda_expression'],
  wrappers: ['template_declaration', 'linkage_specification'],
  visitors: { access_specifier: setAccess },
};
