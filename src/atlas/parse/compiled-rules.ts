/** Turns a language's rules into per-node-type flag tables so the walker decides with array lookups. */
import type { Node, Language as TreeSitterLanguage } from 'web-tree-sitter';
import type { ReferenceKind } from '../facts.ts';
import type { DefinitionRule, ImportRule, LanguageRules, RuleContext } from './rules.ts';

/** Bit flags per node type id. */
export const nodeFlags = {
  named: 1,
  identifier: 2,
  definition: 4,
  import: 8,
  comment: 16,
  /** Do not look inside. */
  opaque: 32,
  local: 64,
  /** The walker records the node's start offset (member accesses, wrappers, transparent nodes). */
  recordStart: 128,
  attribute: 256,
  visitor: 512,
  typeIdentifier: 1024,
  wrapper: 2048,
  /** The walker reads the field name the node has in its parent. */
  field: 4096,
} as const;

/** Rules bound to one grammar's node type and field ids. */
export interface CompiledRules {
  rules: LanguageRules;
  flags: Uint16Array;
  typeNames: readonly string[];
  fieldNames: readonly string[];
  definitions: readonly (DefinitionRule | undefined)[];
  imports: readonly (ImportRule | undefined)[];
  visitors: readonly (((node: Node, context: RuleContext) => void) | undefined)[];
  errorVisitor: ((node: Node, context: RuleContext) => void) | undefined;
  /** `rules.uses` as maps: lookups must not hit `Object.prototype` (a field is named `constructor`). */
  uses: ReadonlyMap<string, ReadonlyMap<string, ReferenceKind | null>>;
  members: ReadonlyMap<string, string>;
  callHooks: ReadonlyMap<string, (identifier: Node, context: RuleContext) => void>;
  transparent: ReadonlySet<string>;
  typeContexts: ReadonlySet<string>;
}

const cache = new WeakMap<TreeSitterLanguage, Map<LanguageRules, CompiledRules>>();

/** Compiles rules for a grammar; cached per grammar and rules object. */
export function compileRules(language: TreeSitterLanguage, rules: LanguageRules): CompiledRules {
  let byRules = cache.get(language);
  if (!byRules) cache.set(language, (byRules = new Map()));
  let compiled = byRules.get(rules);
  if (!compiled) byRules.set(rules, (compiled = doCompile(language, rules)));
  return compiled;
}

function doCompile(language: TreeSitterLanguage, rules: LanguageRules): CompiledRules {
  const count = language.nodeTypeCount;
  const flags = new Uint16Array(count);
  const typeNames: string[] = [];
  const definitions: (DefinitionRule | undefined)[] = [];
  const imports: (ImportRule | undefined)[] = [];
  const visitors: (((node: Node, context: RuleContext) => void) | undefined)[] = [];
  const sets = flagSets(rules);
  for (let id = 0; id < count; id++) {
    const name = language.nodeTypeForId(id) ?? '';
    typeNames.push(name);
    if (!language.nodeTypeIsNamed(id)) continue;
    let bits: number = nodeFlags.named;
    for (const [flag, names] of sets) if (names.has(name)) bits |= flag;
    // Own properties only: node type names must not find Object.prototype members.
    const definition = own(rules.definitions, name);
    const importRule = own(rules.imports, name);
    const visitor = rules.visitors ? own(rules.visitors, name) : undefined;
    if (definition) bits |= nodeFlags.definition;
    if (importRule) bits |= nodeFlags.import;
    if (visitor) bits |= nodeFlags.visitor;
    if (bits & (nodeFlags.identifier | nodeFlags.recordStart)) bits |= nodeFlags.field;
    flags[id] = bits;
    definitions[id] = definition;
    imports[id] = importRule;
    visitors[id] = visitor;
  }
  const fieldNames = language.fields.map((field) => field ?? '');
  return {
    rules,
    flags,
    typeNames,
    fieldNames,
    definitions,
    imports,
    visitors,
    errorVisitor: rules.visitors ? own(rules.visitors, 'ERROR') : undefined,
    callHooks: new Map(Object.entries(rules.callHooks ?? {})),
    uses: new Map(Object.entries(rules.uses).map(([parent, byField]) => [parent, new Map(Object.entries(byField))])),
    members: new Map(Object.entries(rules.members)),
    transparent: new Set(rules.transparent),
    typeContexts: new Set(rules.typeContexts ?? []),
  };
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function flagSets(rules: LanguageRules): [number, ReadonlySet<string>][] {
  const startTypes = [...Object.keys(rules.members), ...rules.transparent, ...rules.wrappers];
  return [
    [nodeFlags.identifier, new Set(rules.identifiers)],
    [nodeFlags.typeIdentifier, new Set(rules.typeIdentifiers)],
    [nodeFlags.comment, new Set(rules.comments)],
    [nodeFlags.opaque, new Set([...rules.opaque, ...rules.comments])],
    [nodeFlags.local, new Set(rules.localScopes)],
    [nodeFlags.recordStart, new Set(startTypes)],
    [nodeFlags.wrapper, new Set(rules.wrappers)],
    [nodeFlags.attribute, new Set(rules.attributes)],
  ];
}
