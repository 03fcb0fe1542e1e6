/** Definition rules for TypeScript, TSX and JavaScript (ES modules and CommonJS). */
import type { Node } from 'web-tree-sitter';
import type { SymbolKind } from '../../../core/types.ts';
import type { DefinitionRule, RuleContext, SymbolDraft } from '../rules.ts';
import { unquote } from '../text.ts';
import { classValues, draftOf, functionValues } from './helpers.ts';
import { commonJsExport } from './javascript-commonjs.ts';
import { keywordNamedMember, repairMisparsedProperty } from './typescript-repairs.ts';

const containerKinds = new Set(['file', 'namespace', 'module']);

/** True when `export` (possibly around `declare` or `const`) wraps the node `from` levels up. */
function exportedByKeyword(context: RuleContext, from = 1): boolean {
  for (let up = from; ; up++) {
    const type = context.ancestorType(up);
    if (type === 'export_statement') return true;
    if (type !== 'ambient_declaration' && type !== 'lexical_declaration' && type !== 'variable_declaration') break;
  }
  // Everything inside `declare module 'x' { ... }` is visible to importers.
  return context.scope.kind === 'module' && context.scope.state === 'ambient';
}

/** `private` and `#private` members are never visible outside their class. */
function isHiddenMember(context: RuleContext, node: Node, nameNode: Node): boolean {
  if (nameNode.type === 'private_property_identifier') return true;
  return /\bprivate\b/.test(context.source.slice(node.startIndex, nameNode.startIndex));
}

function declaration(kind: SymbolKind): DefinitionRule {
  return {
    define: (node, context) => draftOf(context, node, kind, node.childForFieldName('name'), exportedByKeyword(context)),
  };
}

function inTypeBody(context: RuleContext): boolean {
  const parent = context.ancestorType(1);
  const scope = context.scope.kind;
  if (parent === 'interface_body') return true;
  return parent === 'object_type' && (scope === 'interface' || scope === 'type' || scope === 'property');
}

function member(kind: SymbolKind, when: (context: RuleContext) => boolean): DefinitionRule {
  return {
    when,
    define: (node, context) => {
      const name = node.childForFieldName('name') ?? node.childForFieldName('property');
      if (!name) return null;
      if (name.startIndex === name.endIndex) return keywordNamedMember(node, name, kind, context);
      const hidden = isHiddenMember(context, node, name);
      const draft = draftOf(context, node, kind, name, context.scope.exported && !hidden);
      if (!draft) return null;
      draft.hidden = hidden;
      if (kind === 'method' && draft.name === 'constructor') draft.kind = 'constructor';
      return draft;
    },
  };
}

/** True for declarations that are statements of a file or namespace body (not in `for` or `if`). */
function isTopLevelStatement(context: RuleContext): boolean {
  let up = 2;
  let type = context.ancestorType(up);
  while (type === 'export_statement' || type === 'ambient_declaration') type = context.ancestorType(++up);
  return type === 'program' || (type === 'statement_block' && context.scope.kind !== 'file');
}

/** `const a = 1`, `let { b, c } = d` at file or namespace level. */
const variableDeclarator: DefinitionRule = {
  when: (context) => !context.local && containerKinds.has(context.scope.kind) && isTopLevelStatement(context),
  define: (node, context) => {
    const name = node.childForFieldName('name');
    if (!name) return null;
    const declarationStart = context.ancestorStart(1);
    const keyword = /^(?:declare\s+)?(const|let|var|using|await\s+using)\b/.exec(context.source.slice(declarationStart, declarationStart + 20))?.[1] ?? 'var';
    const value = node.childForFieldName('value');
    let kind: SymbolKind = keyword === 'const' ? 'constant' : 'variable';
    let signatureEnd = node.endIndex;
    if (value && functionValues.has(value.type)) {
      kind = 'function';
      signatureEnd = value.childForFieldName('body')?.startIndex ?? signatureEnd;
    } else if (value && classValues.has(value.type)) {
      kind = 'class';
      signatureEnd = value.childForFieldName('body')?.startIndex ?? signatureEnd;
    }
    const exported = exportedByKeyword(context);
    const signature = context.signature(node.startIndex, signatureEnd);
    const names = name.type === 'identifier' ? [name] : patternNames(name);
    return names.map((nameNode): SymbolDraft => ({
      kind: names.length === 1 ? kind : keyword === 'const' ? 'constant' : 'variable',
      name: context.text(nameNode),
      nameStart: nameNode.startIndex,
      start: node.startIndex,
      end: node.endIndex,
      exported,
      signature: `${keyword} ${signature}`,
    }));
  },
};

/** The names a destructuring pattern binds. */
function patternNames(pattern: Node): Node[] {
  const names: Node[] = [];
  const visit = (node: Node): void => {
    switch (node.type) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern':
        names.push(node);
        return;
      case 'pair_pattern':
        visitOptional(node.childForFieldName('value'));
        return;
      case 'assignment_pattern':
      case 'object_assignment_pattern':
        visitOptional(node.childForFieldName('left'));
        return;
      default:
        for (const child of node.namedChildren) visit(child);
    }
  };
  const visitOptional = (node: Node | null): void => {
    if (node) visit(node);
  };
  visit(pattern);
  return names;
}

/** `export default function () {}`, `export default class {}`, `export default () => {}`. */
const anonymousDefault: DefinitionRule = {
  when: (context) => context.ancestorType(1) === 'export_statement',
  define: (node, context) => {
    const kind: SymbolKind = classValues.has(node.type) ? 'class' : 'function';
    const nameNode = node.childForFieldName('name');
    const body = node.childForFieldName('body');
    return {
      kind,
      name: nameNode ? context.text(nameNode) : 'default',
      nameStart: nameNode ? nameNode.startIndex : -1,
      start: node.startIndex,
      end: node.endIndex,
      exported: true,
      signature: context.signature(context.ancestorStart(1), body ? body.startIndex : node.endIndex),
    };
  },
};

/** `namespace A.B {}` and `module A {}` are namespaces; `declare module 'x' {}` is a module. */
const moduleDeclaration: DefinitionRule = {
  define: (node, context) => {
    const name = node.childForFieldName('name');
    if (!name) return null;
    const ambient = name.type === 'string';
    const draft = draftOf(context, node, ambient ? 'module' : 'namespace', name, ambient || exportedByKeyword(context), {
      name: ambient ? unquote(context.text(name)) : context.text(name),
    });
    if (draft) draft.state = ambient ? 'ambient' : '';
    return draft;
  },
};

/** Enum members: `A`, `B = 2`, `'c' = 3`. */
const enumMember: DefinitionRule = {
  when: (context) => context.ancestorType(1) === 'enum_body',
  define: (node, context) => {
    const name = node.type === 'enum_assignment' ? node.childForFieldName('name') : node;
    if (!name) return null;
    return draftOf(context, node, 'enum-member', name, context.scope.exported, {
      name: unquote(context.text(name)),
      signatureEnd: node.endIndex,
    });
  },
};

/** `constructor(private readonly http: Http)` declares a property of the class. */
const parameterProperty: DefinitionRule = {
  when: (context) => context.scope.kind === 'constructor' && context.ancestorType(1) === 'formal_parameters',
  define: (node, context) => {
    const first = node.firstNamedChild;
    if (first?.type !== 'accessibility_modifier' && !/^\s*(?:override\s+)?readonly\b/.test(context.text(node))) return null;
    const name = node.childForFieldName('pattern');
    if (name?.type !== 'identifier') return null;
    const hidden = first !== null && context.text(first) === 'private';
    const draft = draftOf(context, node, 'property', name, !hidden, { signatureEnd: node.endIndex });
    if (!draft) return null;
    draft.outer = true;
    draft.hidden = hidden;
    return draft;
  },
};

const plainProperty = member('property', inTypeBody);

/** Property signatures, repairing the `abstract: boolean;` misparse (see `typescript-repairs.ts`). */
const propertySignature: DefinitionRule = {
  when: inTypeBody,
  define: (node, context) => repairMisparsedProperty(node, context) ?? plainProperty.define(node, context),
};

const objectMethod = (context: RuleContext): boolean => {
  const parent = context.ancestorType(1);
  if (parent === 'class_body') return true;
  if (parent !== 'object' || context.local) return false;
  const holder = context.ancestorType(2);
  return holder === 'variable_declarator' || holder === 'export_statement';
};

/** Definitions by node type, shared by the TypeScript, TSX and JavaScript grammars. */
export const typescriptDefinitions: Record<string, DefinitionRule> = {
  function_declaration: declaration('function'),
  generator_function_declaration: declaration('function'),
  function_signature: declaration('function'),
  class_declaration: declaration('class'),
  abstract_class_declaration: declaration('class'),
  interface_declaration: declaration('interface'),
  type_alias_declaration: declaration('type'),
  enum_declaration: declaration('enum'),
  enum_assignment: enumMember,
  property_identifier: enumMember,
  internal_module: moduleDeclaration,
  module: moduleDeclaration,
  method_definition: member('method', objectMethod),
  method_signature: member('method', (context) => inTypeBody(context) || context.ancestorType(1) === 'class_body'),
  abstract_method_signature: member('method', (context) => context.ancestorType(1) === 'class_body'),
  property_signature: propertySignature,
  public_field_definition: member('property', (context) => context.ancestorType(1) === 'class_body'),
  field_definition: member('property', (context) => context.ancestorType(1) === 'class_body'),
  required_parameter: parameterProperty,
  optional_parameter: parameterProperty,
  variable_declarator: variableDeclarator,
  assignment_expression: commonJsExport,
  function_expression: anonymousDefault,
  function: anonymousDefault,
  class: anonymousDefault,
  arrow_function: anonymousDefault,
};
