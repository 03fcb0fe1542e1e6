/** Extraction rules for Java: types, records, enums, methods, constructors, fields, imports. */
import type { Node } from 'web-tree-sitter';
import type { SymbolKind } from '../../../core/types.ts';
import type { DefinitionRule, ImportRule, LanguageRules, RuleContext, SymbolDraft } from '../rules.ts';
import { draftOf } from './helpers.ts';

const declared = { name: null } as const;

/** Public members of public types are exported; interface members and enum constants are implicitly public. */
function isExported(node: Node, context: RuleContext): boolean {
  const modifiers = node.firstNamedChild?.type === 'modifiers' ? context.text(node.firstNamedChild) : '';
  const scope = context.scope;
  if (node.type === 'enum_constant') return scope.exported;
  if (scope.kind === 'file') return /\bpublic\b/.test(modifiers);
  if (!scope.exported || /\bprivate\b/.test(modifiers)) return false;
  return scope.kind === 'interface' || /\bpublic\b/.test(modifiers);
}

function definition(kind: SymbolKind): DefinitionRule {
  return { define: (node, context) => draftOf(context, node, kind, node.childForFieldName('name'), isExported(node, context)) };
}

/** `int a = 1, b;` declares two fields; interface constants are constants. */
function fields(kind: SymbolKind): DefinitionRule {
  return {
    define: (node, context) => {
      const exported = isExported(node, context);
      const drafts: SymbolDraft[] = [];
      for (const declarator of node.childrenForFieldName('declarator')) {
        const name = declarator.childForFieldName('name');
        if (!name) continue;
        drafts.push({
          kind,
          name: context.text(name),
          nameStart: name.startIndex,
          start: node.startIndex,
          end: node.endIndex,
          exported,
          signature: context.signature(node.startIndex, node.endIndex),
        });
      }
      return drafts;
    },
  };
}

/** `import a.b.C;` -> source `a.b`, name `C`; `import static a.B.*;` -> source `a.B`, name `*`. */
const importDeclaration: ImportRule = (node, context) => {
  const path = context
    .text(node)
    .replace(/^import\s+(static\s+)?/, '')
    .replace(/\s*;\s*$/, '')
    .replace(/\s+/g, '');
  const dot = path.lastIndexOf('.');
  const importedName = path.slice(dot + 1);
  const source = dot < 0 ? '' : path.slice(0, dot);
  context.addImport({ source, importedName, localName: importedName === '*' ? '' : importedName, reexport: false }, node.startIndex);
  if (importedName !== '*') context.addReference(importedName, 'import', node.startIndex + context.text(node).lastIndexOf(importedName));
  return true;
};

/** Rules for the `java` grammar. */
export const javaRules: LanguageRules = {
  definitions: {
    class_declaration: definition('class'),
    record_declaration: definition('class'),
    interface_declaration: definition('interface'),
    annotation_type_declaration: definition('interface'),
    enum_declaration: definition('enum'),
    enum_constant: definition('enum-member'),
    method_declaration: definition('method'),
    annotation_type_element_declaration: definition('method'),
    constructor_declaration: definition('constructor'),
    compact_constructor_declaration: definition('constructor'),
    field_declaration: fields('field'),
    constant_declaration: fields('constant'),
  },
  imports: { import_declaration: importDeclaration, package_declaration: () => true },
  identifiers: ['identifier', 'type_identifier'],
  typeIdentifiers: ['type_identifier'],
  uses: {
    method_invocation: { name: 'call' },
    object_creation_expression: { type: 'new' },
    assignment_expression: { left: 'write' },
    update_expression: { '': 'write' },
    marker_annotation: { name: 'type' },
    annotation: { name: 'type' },
    variable_declarator: declared,
    formal_parameter: declared,
    spread_parameter: { '*': null },
    catch_formal_parameter: declared,
    enhanced_for_statement: declared,
    lambda_expression: { parameters: null },
    inferred_parameters: { '': null },
    type_parameter: { '': null },
    element_value_pair: { key: null },
    labeled_statement: { '': null },
    break_statement: { '': null },
    continue_statement: { '': null },
    class_declaration: declared,
    record_declaration: declared,
    interface_declaration: declared,
    annotation_type_declaration: declared,
    enum_declaration: declared,
    enum_constant: declared,
    method_declaration: declared,
    annotation_type_element_declaration: declared,
    constructor_declaration: declared,
    compact_constructor_declaration: declared,
  },
  members: { method_invocation: 'name', field_access: 'field', scoped_identifier: 'name', method_reference: '' },
  transparent: ['parenthesized_expression', 'generic_type'],
  opaque: ['string_literal', 'character_literal'],
  localScopes: ['method_declaration', 'constructor_declaration', 'compact_constructor_declaration', 'lambda_expression', 'static_initializer'],
  wrappers: [],
  attributes: [],
  comments: ['line_comment', 'block_comment'],
  docStyle: 'block',
};
