/** The shape of a language's extraction rules, read by the generic tree walker. */
import type { Node } from 'web-tree-sitter';
import type { SymbolKind } from '../../core/types.ts';
import type { ImportFact, ReferenceKind } from '../facts.ts';

/** The innermost enclosing definition (or the file, or a qualifying block such as a Rust `impl`). */
export interface ScopeInfo {
  readonly kind: SymbolKind | 'file' | 'block';
  readonly name: string;
  /** Dotted path used to qualify nested definitions; '' at file level. */
  readonly qualifiedName: string;
  readonly exported: boolean;
  /** Free slot for rules, e.g. the current C++ access level (`public`) inside a class body. */
  state: string;
}

/** What a rule sees while the walker stands on a node. */
export interface RuleContext {
  readonly source: string;
  readonly scope: ScopeInfo;
  /** True below a function (or other local scope) inside the innermost definition. */
  readonly local: boolean;
  /** The node type `up` levels above the current node (1 = parent), '' above the root. */
  ancestorType(up: number): string;
  /** The start offset of the ancestor `up` levels above; recorded only for member, wrapper and transparent types. */
  ancestorStart(up: number): number;
  /** The source text of a node. */
  text(node: Node): string;
  /** The one-line declaration head between two offsets. */
  signature(start: number, end: number): string;
  /** Marks a file-level definition exported by name (e.g. `export { a }`, `module.exports = a`). */
  markExported(name: string): void;
  addImport(fact: Omit<ImportFact, 'line'>, offset: number): void;
  addReference(name: string, kind: ReferenceKind, offset: number, receiver?: string): void;
}

/** A definition found by a rule; the walker adds positions, doc, qualified name and parent. */
export interface SymbolDraft {
  kind: SymbolKind;
  name: string;
  /** Offset of the name in the source, or -1 when it is not written (`export default function () {}`). */
  nameStart: number;
  start: number;
  end: number;
  exported: boolean;
  signature: string;
  /** A doc the rule found itself (Python docstrings); otherwise the preceding doc comment is used. */
  doc?: string;
  /** Qualifies the name instead of the enclosing scope (Go receivers, C++ `Type::method`). */
  qualifier?: string;
  /** False when nested definitions should not be qualified by this one (a C `typedef struct s {...} S`). */
  opensScope?: boolean;
  /** Qualify and parent by the scope around the innermost one (TypeScript constructor parameter properties). */
  outer?: boolean;
  /** Initial `ScopeInfo.state` of the scope this definition opens. */
  state?: string;
  /** A member hidden from other files (`private`): stays unexported even when its container is exported later. */
  hidden?: boolean;
}

/** A block that qualifies the definitions inside it without being a definition itself (Rust `impl T`). */
export interface QualifierDraft {
  qualifier: string;
  exported: boolean;
  /** Initial `ScopeInfo.state` of the block. */
  state?: string;
}

export type DefineResult = SymbolDraft | readonly SymbolDraft[] | QualifierDraft | null;

/** How to read definitions from one node type. */
export interface DefinitionRule {
  /** A cheap check on ancestors and scope before the node is read; defaults to true. */
  when?: (context: RuleContext) => boolean;
  define: (node: Node, context: RuleContext) => DefineResult;
}

/** Reads imports from a node; returns true when the walker should not look inside the node. */
export type ImportRule = (node: Node, context: RuleContext) => boolean;

/** Which comments may document the definition that follows them. */
export type DocStyle =
  /** `/** *\/` only (TypeScript, JavaScript, Java). */
  | 'block'
  /** A run of `//` lines or a block comment (Go, C, C++). */
  | 'line'
  /** `///`, `//!` runs and `/** *\/` (Rust). */
  | 'rust'
  /** Docstrings found by the rules; comments never document (Python). */
  | 'none';

/** Everything the walker needs to know about one language. */
export interface LanguageRules {
  definitions: Readonly<Record<string, DefinitionRule>>;
  imports: Readonly<Record<string, ImportRule>>;
  /** Called names with extra meaning: `require('x')` is an import. Gets the identifier node. */
  callHooks?: Readonly<Record<string, (identifier: Node, context: RuleContext) => void>>;
  /** Node types that are names: their uses become references. */
  identifiers: readonly string[];
  /** Identifier types that always name a type (`type_identifier`). */
  typeIdentifiers: readonly string[];
  /** Node types under which any identifier is a type reference (Python's `type`). */
  typeContexts?: readonly string[];
  /**
   * How a name is used, by the type of its parent and the field it sits in: `call_expression` ->
   * `{ function: 'call' }`, `variable_declarator` -> `{ name: null }` (a declaration, skipped).
   * Field '' matches a child without a field, '*' any child. Parents not listed mean a read.
   */
  uses: Readonly<Record<string, Readonly<Record<string, ReferenceKind | null>>>>;
  /** Member access type -> the field holding the member name (`member_expression` -> `property`). */
  members: Readonly<Record<string, string>>;
  /** Wrappers looked through when deciding how an expression is used (`parenthesized_expression`). */
  transparent: readonly string[];
  /** Node types whose insides are never looked at (strings, attributes). */
  opaque: readonly string[];
  /** Node types that start a local scope: variables inside are not definitions. */
  localScopes: readonly string[];
  /** Node types whose start may carry a doc comment for the definition inside (`export_statement`). */
  wrappers: readonly string[];
  /** Node types that may sit between a doc comment and its definition (decorators, attributes). */
  attributes: readonly string[];
  comments: readonly string[];
  docStyle: DocStyle;
  /** Rule hooks for other node types, called on entry (C++ `access_specifier`; `ERROR` for error nodes). */
  visitors?: Readonly<Record<string, (node: Node, context: RuleContext) => void>>;
  /** Last word on a reference, e.g. to drop intrinsic JSX elements (`<div>`); null drops it. */
  refine?: (name: string, kind: ReferenceKind, parentType: string) => ReferenceKind | null;
}
