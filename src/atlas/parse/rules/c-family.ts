/** Definition rules shared by C and C++: functions, prototypes, variables, structs, enums, typedefs, macros. */
import type { Node } from 'web-tree-sitter';
import type { SymbolKind } from '../../../core/types.ts';
import type { DefinitionRule, RuleContext, SymbolDraft } from '../rules.ts';
import { draftOf } from './helpers.ts';

const nameTypes = new Set(['identifier', 'field_identifier', 'type_identifier', 'qualified_identifier', 'destructor_name', 'operator_name']);
/** Keywords the grammar can mistake for names when macros hide the real syntax (`ZEXTERN int ZEXPORT f OF((...))`). */
const keywords = new Set(
  'auto bool char const double extern float inline int long register restrict short signed static struct typedef union unsigned void volatile'.split(' '),
);
const containerKinds = new Set(['file', 'namespace']);
const classKinds = new Set(['class', 'struct']);
const memberKinds = new Set(['class', 'struct', 'type', 'enum']);

/** The name inside a declarator (`*names[]` -> `names`) and whether it declares a function. */
export function declaratorName(declarator: Node | null): { name: Node; isFunction: boolean } | null {
  let isFunction = false;
  let node = declarator;
  while (node && !nameTypes.has(node.type)) {
    if (node.type === 'function_declarator') isFunction = true;
    node = node.childForFieldName('declarator') ?? node.firstNamedChild;
  }
  return node ? { name: node, isFunction } : null;
}

/** `static` at file scope hides a definition; class members need a public access level. */
function isExported(node: Node, context: RuleContext): boolean {
  const scope = context.scope;
  if (classKinds.has(scope.kind)) return scope.exported && (scope.state === 'public' || scope.state === '');
  if (scope.kind === 'type') return scope.exported;
  if (!containerKinds.has(scope.kind)) return false;
  for (const child of node.namedChildren) {
    if (child.type === 'storage_class_specifier' && context.text(child) === 'static') return false;
  }
  return true;
}

/** Splits `a::B::m` into qualifier `a.B` and name node `m`. */
function splitQualified(name: Node, context: RuleContext): { qualifier: string; nameNode: Node } {
  const last = name.childForFieldName('name');
  const scope = name.childForFieldName('scope');
  if (!last) return { qualifier: '', nameNode: name };
  const inner = last.type === 'qualified_identifier' ? splitQualified(last, context) : { qualifier: '', nameNode: last };
  const outer = scope ? context.text(scope).replace(/<.*$/s, '').replace(/::/g, '.') : '';
  return { qualifier: [outer, inner.qualifier].filter(Boolean).join('.'), nameNode: inner.nameNode };
}

/** A function or prototype named by `declarator`, as a function, method or constructor. */
function functionDraft(node: Node, declarator: Node, context: RuleContext, signatureEnd: number): SymbolDraft | null {
  const found = declaratorName(declarator);
  if (!found) return null;
  let { name } = found;
  let qualifier = '';
  if (name.type === 'qualified_identifier') ({ qualifier, nameNode: name } = splitQualified(name, context));
  const text = context.text(name);
  const owner = qualifier ? qualifier.slice(qualifier.lastIndexOf('.') + 1) : classKinds.has(context.scope.kind) ? context.scope.name : '';
  let kind: SymbolKind = owner ? 'method' : 'function';
  if (owner && text === owner) kind = 'constructor';
  const draft = draftOf(context, node, kind, name, isExported(node, context), { signatureEnd, name: text });
  if (draft && qualifier) draft.qualifier = qualifier;
  return draft;
}

const functionDefinition: DefinitionRule = {
  define: (node, context) => {
    const declarator = node.childForFieldName('declarator');
    const body = node.childForFieldName('body');
    return declarator ? functionDraft(node, declarator, context, body ? body.startIndex : node.endIndex) : null;
  },
};

/** File-level declarations and class members: `int a, *b;`, `int f(int);`, `Widget(int a);`. */
function declarations(memberKind: SymbolKind | null): DefinitionRule {
  return {
    // Fields live in a struct body, under a struct, class or `typedef struct {...} Name`.
    when: (context) => !context.local && (memberKind !== null ? memberKinds.has(context.scope.kind) : containerKinds.has(context.scope.kind)),
    define: (node, context) => {
      // Declarations the parser had to repair are mostly macro soup: better no symbol than a wrong one.
      if (node.hasError) return null;
      const drafts: SymbolDraft[] = [];
      for (const declarator of node.childrenForFieldName('declarator')) {
        const found = declaratorName(declarator);
        if (!found || keywords.has(context.text(found.name))) continue;
        if (found.isFunction) {
          const draft = functionDraft(node, declarator, context, node.endIndex);
          if (draft) drafts.push(draft);
          continue;
        }
        const kind = memberKind ?? 'variable';
        const draft = draftOf(context, node, kind, found.name, isExported(node, context), { signatureEnd: node.endIndex });
        if (draft) drafts.push(draft);
      }
      return drafts;
    },
  };
}

/** `struct s { ... }`, `class C : Base { ... }`, `enum e { ... }` (only with a body: otherwise a use). */
function typeSpecifier(kind: SymbolKind, access: string): DefinitionRule {
  return {
    define: (node, context) => {
      if (!node.childForFieldName('body')) return null;
      const draft = draftOf(context, node, kind, node.childForFieldName('name'), isTypeExported(context));
      if (draft) draft.state = access;
      return draft;
    },
  };
}

function isTypeExported(context: RuleContext): boolean {
  const scope = context.scope;
  if (classKinds.has(scope.kind)) return scope.exported && (scope.state === 'public' || scope.state === '');
  return containerKinds.has(scope.kind) || (scope.kind === 'type' && scope.exported);
}

/** `typedef struct {...} Point;` names the struct: its fields become `Point.x`. */
const typeDefinition: DefinitionRule = {
  define: (node, context) => {
    const type = node.childForFieldName('type');
    const body = type?.childForFieldName('body') ?? null;
    const anonymousBody = body !== null && type?.childForFieldName('name') === null;
    const head = type && body ? context.source.slice(type.startIndex, body.startIndex).trim() : '';
    const drafts: SymbolDraft[] = [];
    for (const declarator of node.childrenForFieldName('declarator')) {
      const found = declaratorName(declarator);
      const draft = found ? draftOf(context, node, 'type', found.name, isTypeExported(context), { signatureEnd: node.endIndex }) : null;
      if (!draft) continue;
      if (head) draft.signature = `typedef ${head} ${context.text(declarator)}`.slice(0, 200);
      draft.opensScope = anonymousBody;
      drafts.push(draft);
    }
    return drafts;
  },
};

/** `#define` nodes end after their newline; the definition ends before it. */
const macro: DefinitionRule = {
  define: (node, context) => {
    const draft = draftOf(context, node, 'macro', node.childForFieldName('name'), true, { signatureEnd: node.endIndex });
    if (!draft) return null;
    const text = context.text(node).trimEnd();
    draft.end = draft.start + text.length;
    // Line continuations are layout, not content.
    if (text.includes('\\\n')) draft.signature = text.replace(/\\\r?\n\s*/g, ' ').replace(/\s+/g, ' ');
    return draft;
  },
};

const fileDeclarations = declarations(null);
const memberDeclarations = declarations('field');

/** Definitions by node type for C; C++ adds to these. */
export const cDefinitions: Record<string, DefinitionRule> = {
  function_definition: functionDefinition,
  declaration: fileDeclarations,
  field_declaration: memberDeclarations,
  struct_specifier: typeSpecifier('struct', 'public'),
  union_specifier: typeSpecifier('struct', 'public'),
  enum_specifier: typeSpecifier('enum', 'public'),
  enumerator: { define: (node, context) => draftOf(context, node, 'enum-member', node.childForFieldName('name'), context.scope.exported, { signatureEnd: node.endIndex }) },
  type_definition: typeDefinition,
  preproc_def: macro,
  preproc_function_def: macro,
};

/** C++ additions: classes, namespaces, `using` aliases, in-class constructors and methods. */
export const cppDefinitions: Record<string, DefinitionRule> = {
  ...cDefinitions,
  class_specifier: typeSpecifier('class', 'private'),
  // In a class body, a plain declaration is a constructor or a member function.
  declaration: {
    when: (context) => memberDeclarations.when!(context) || fileDeclarations.when!(context),
    define: (node, context) => (memberKinds.has(context.scope.kind) ? memberDeclarations : fileDeclarations).define(node, context),
  },
  namespace_definition: {
    define: (node, context) => {
      const name = node.childForFieldName('name');
      return draftOf(context, node, 'namespace', name, true, { name: name ? context.text(name).replace(/::/g, '.') : '' });
    },
  },
  alias_declaration: { define: (node, context) => draftOf(context, node, 'type', node.childForFieldName('name'), isTypeExported(context), { signatureEnd: node.endIndex }) },
  concept_definition: { define: (node, context) => draftOf(context, node, 'type', node.childForFieldName('name'), true, { signatureEnd: node.endIndex }) },
};
