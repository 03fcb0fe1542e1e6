/** One pass over a syntax tree with a TreeCursor that turns nodes into symbols, references and imports. */
import type { Node, Tree, TreeCursor } from 'web-tree-sitter';
import type { ImportFact, ReferenceFact, ReferenceKind, SymbolFact } from '../facts.ts';
import { stripCommentMarkers } from './comments.ts';
import { type CompiledRules, nodeFlags } from './compiled-rules.ts';
import { DocCommentRun } from './doc-comments.ts';
import type { DefineResult, QualifierDraft, RuleContext, ScopeInfo, SymbolDraft } from './rules.ts';
import { NodePath } from './node-path.ts';
import { identifierEnd, LineIndex, signatureText } from './text.ts';

const maxCommentText = 64 * 1024;
/** Kinds visible wherever their container is; nested functions and variables are not. */
const memberKinds: ReadonlySet<string> = new Set(['method', 'property', 'field', 'constructor', 'enum-member']);

interface Scope {
  info: ScopeInfo;
  /** Symbol index that references inside this scope are enclosed by. */
  symbol: number;
  depth: number;
  /** Local-scope nesting when the scope opened; deeper means inside a function body. */
  locals: number;
}

/** What a walk produced, before the file-level fields are added. */
export interface WalkResult {
  symbols: SymbolFact[];
  references: ReferenceFact[];
  imports: ImportFact[];
  comments: string;
  lines: LineIndex;
}

/** Walks one tree; create one per file. Implements the context that rules see. */
export class FactWalker implements RuleContext {
  readonly source: string;
  readonly #compiled: CompiledRules;
  readonly #lines: LineIndex;
  readonly #docs: DocCommentRun;
  readonly #symbols: SymbolFact[] = [];
  readonly #references: ReferenceFact[] = [];
  readonly #imports: ImportFact[] = [];
  readonly #commentParts: string[] = [];
  #commentLength = 0;
  /** Name offsets of definitions: those identifiers are not references. */
  readonly #declared = new Set<number>();
  readonly #byQualifiedName = new Map<string, number>();
  readonly #exportedNames = new Set<string>();
  /** Symbol indexes of hidden (private) members. */
  readonly #hidden = new Set<number>();
  readonly #path: NodePath;
  readonly #scopes: Scope[] = [];
  readonly #localDepths: number[] = [];
  #depth = 0;
  #hasErrors = false;

  /** `lineStarts` when the caller has them already. */
  constructor(source: string, compiled: CompiledRules, lineStarts?: number[]) {
    this.source = source;
    this.#compiled = compiled;
    this.#lines = new LineIndex(source, lineStarts);
    this.#path = new NodePath(compiled);
    this.#docs = new DocCommentRun(source, compiled.rules.docStyle);
    const file: ScopeInfo = { kind: 'file', name: '', qualifiedName: '', exported: true, state: '' };
    this.#scopes.push({ info: file, symbol: -1, depth: -1, locals: 0 });
  }

  /** Walks the whole tree once. */
  walk(tree: Tree): WalkResult {
    this.#hasErrors = tree.rootNode.hasError;
    const cursor = tree.walk();
    try {
      this.#loop(cursor);
    } finally {
      cursor.delete();
    }
    this.#applyExportedNames();
    return {
      symbols: this.#symbols,
      references: this.#references,
      imports: this.#imports,
      comments: this.#commentText(),
      lines: this.#lines,
    };
  }

  #loop(cursor: TreeCursor): void {
    let depth = 0;
    for (;;) {
      const descend = this.#enter(cursor, depth);
      if (descend && cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      for (;;) {
        this.#leave(depth);
        if (cursor.gotoNextSibling()) break;
        if (depth === 0 || !cursor.gotoParent()) return;
        depth--;
      }
    }
  }

  /** Handles the node under the cursor; returns whether to visit its children. */
  #enter(cursor: TreeCursor, depth: number): boolean {
    const typeId = cursor.nodeTypeId;
    const compiled = this.#compiled;
    if (typeId >= compiled.flags.length) return this.#errorNode(cursor, depth);
    const flags = compiled.flags[typeId]!;
    if ((flags & nodeFlags.named) === 0) return false;
    const path = this.#path;
    path.types[depth] = compiled.typeNames[typeId]!;
    if (flags === nodeFlags.named) return true;
    // Only names and the nodes names are classified through need their field.
    if (flags & nodeFlags.field) path.fields[depth] = compiled.fieldNames[cursor.currentFieldId]!;
    this.#depth = depth;
    if (flags & nodeFlags.recordStart) path.starts[depth] = cursor.startIndex;
    if (flags & nodeFlags.comment) {
      this.#comment(cursor);
      return false;
    }
    if (flags & nodeFlags.attribute) this.#docs.addAttribute(cursor.startIndex, cursor.endIndex);
    if (flags & nodeFlags.visitor) compiled.visitors[typeId]!(cursor.currentNode, this);
    if (flags & nodeFlags.import && compiled.imports[typeId]!(cursor.currentNode, this)) return false;
    if (flags & nodeFlags.definition) this.#definition(cursor, depth, typeId);
    if (flags & nodeFlags.identifier) {
      this.#identifier(cursor, depth, flags);
      return false;
    }
    if (flags & nodeFlags.local) this.#localDepths.push(depth);
    return (flags & nodeFlags.opaque) === 0;
  }

  /** ERROR nodes have an id outside the type table: visit their children like any node. */
  #errorNode(cursor: TreeCursor, depth: number): boolean {
    this.#path.types[depth] = 'ERROR';
    const visitor = this.#compiled.errorVisitor;
    if (visitor) {
      this.#depth = depth;
      visitor(cursor.currentNode, this);
    }
    return true;
  }

  #leave(depth: number): void {
    const scopes = this.#scopes;
    if (scopes[scopes.length - 1]!.depth === depth) scopes.pop();
    const locals = this.#localDepths;
    if (locals.length > 0 && locals[locals.length - 1] === depth) locals.pop();
  }

  #identifier(cursor: TreeCursor, depth: number, flags: number): void {
    const start = cursor.startIndex;
    if (this.#declared.has(start)) return;
    // With syntax errors a zero-width MISSING name may sit before a word: ask the tree.
    const end = (this.#hasErrors ? undefined : identifierEnd(this.source, start)) ?? cursor.endIndex;
    if (end === start) return; // a MISSING node inserted by error recovery
    const use = this.#path.use(this.source, depth, start, (flags & nodeFlags.typeIdentifier) !== 0);
    if (!use) return;
    const name = this.source.slice(start, end);
    const refine = this.#compiled.rules.refine;
    const kind = refine ? refine(name, use.kind, this.#path.types[depth - 1]!) : use.kind;
    if (kind === null) return;
    this.addReference(name, kind, start, use.receiver);
    if (kind === 'call' && use.receiver === '') {
      const hook = this.#compiled.callHooks.get(name);
      if (hook) hook(cursor.currentNode, this);
    }
  }

  #comment(cursor: TreeCursor): void {
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    const text = this.source.slice(start, end);
    this.#docs.addComment(start, end, text);
    if (this.#commentLength < maxCommentText) {
      const stripped = stripCommentMarkers(text);
      if (stripped) {
        this.#commentParts.push(stripped);
        this.#commentLength += stripped.length + 1;
      }
    }
  }

  #commentText(): string {
    const text = this.#commentParts.join('\n');
    if (text.length <= maxCommentText / 3 || Buffer.byteLength(text) <= maxCommentText) return text;
    return Buffer.from(text).subarray(0, maxCommentText).toString('utf8').replace(/\uFFFD$/, '');
  }

  #definition(cursor: TreeCursor, depth: number, typeId: number): void {
    const rule = this.#compiled.definitions[typeId]!;
    if (rule.when && !rule.when(this)) return;
    const node = cursor.currentNode;
    const result: DefineResult = rule.define(node, this);
    if (!result) return;
    if (isQualifier(result)) {
      this.#pushBlock(result, depth);
      return;
    }
    const all: readonly SymbolDraft[] = Array.isArray(result) ? result : [result as SymbolDraft];
    // Error recovery can leave a definition whose name is missing: it names nothing.
    const drafts = all.filter((draft) => draft.name !== '');
    let opener = -1;
    for (const draft of drafts) {
      const index = this.#addSymbol(draft, node.startIndex, depth);
      if (opener < 0 && draft.opensScope !== false) opener = index;
    }
    if (opener < 0) return;
    // All drafts of one node are siblings; the first that opens a scope encloses what follows.
    const { kind, name, exported, qualifiedName } = this.#symbols[opener]!;
    const state = drafts.find((draft) => draft.opensScope !== false)?.state ?? '';
    const info: ScopeInfo = { kind, name, qualifiedName, exported, state };
    this.#scopes.push({ info, symbol: opener, depth, locals: this.#localDepths.length });
  }

  #pushBlock(draft: QualifierDraft, depth: number): void {
    const outer = this.#scopes[this.#scopes.length - 1]!;
    const qualifiedName = outer.info.qualifiedName ? `${outer.info.qualifiedName}.${draft.qualifier}` : draft.qualifier;
    const info: ScopeInfo = { kind: 'block', name: draft.qualifier, qualifiedName, exported: draft.exported, state: draft.state ?? '' };
    this.#scopes.push({ info, symbol: outer.symbol, depth, locals: this.#localDepths.length });
  }

  #addSymbol(draft: SymbolDraft, nodeStart: number, depth: number): number {
    const scopes = this.#scopes;
    const scope = scopes[scopes.length - (draft.outer && scopes.length > 1 ? 2 : 1)]!;
    let base = scope.info.qualifiedName;
    if (draft.qualifier) base = base ? `${base}.${draft.qualifier}` : draft.qualifier;
    const qualifiedName = base ? `${base}.${draft.name}` : draft.name;
    let parent = scope.symbol;
    // Methods declared apart from their type (Go receivers, Rust impls, C++ `T::m`) hang under the
    // type when the file defined it earlier.
    if (draft.qualifier || scope.info.kind === 'block') parent = this.#byQualifiedName.get(base) ?? parent;
    const lines = this.#lines;
    const startRow = lines.row(draft.start);
    const endRow = lines.row(draft.end);
    const nameOffset = draft.nameStart >= 0 ? draft.nameStart : draft.start;
    const nameRow = lines.row(nameOffset);
    const index = this.#symbols.length;
    this.#symbols.push({
      name: draft.name,
      qualifiedName,
      kind: draft.kind,
      startLine: startRow + 1,
      startColumn: lines.column(draft.start, startRow),
      endLine: endRow + 1,
      endColumn: lines.column(draft.end, endRow),
      nameLine: nameRow + 1,
      nameColumn: lines.column(nameOffset, nameRow),
      signature: draft.signature.length <= 200 ? draft.signature : `${draft.signature.slice(0, 199)}…`,
      doc: draft.doc ?? this.#docs.docFor(this.#docAnchors(depth, Math.min(nodeStart, draft.start))),
      exported: draft.exported,
      parent,
    });
    if (draft.nameStart >= 0) this.#declared.add(draft.nameStart);
    if (draft.hidden) this.#hidden.add(index);
    if (!this.#byQualifiedName.has(qualifiedName)) this.#byQualifiedName.set(qualifiedName, index);
    return index;
  }

  /** The definition's start and the starts of the wrappers around it (`export`, `const`, decorators). */
  #docAnchors(depth: number, start: number): number[] {
    const anchors = [start];
    const wrappers = this.#compiled.rules.wrappers;
    const { types, starts } = this.#path;
    for (let at = depth - 1; at >= 0 && wrappers.includes(types[at]!); at--) anchors.push(starts[at]!);
    return anchors;
  }

  /** `export { a }`, `module.exports = { a }`: export `a`, and the public members of `a`. */
  #applyExportedNames(): void {
    if (this.#exportedNames.size === 0) return;
    const newlyExported = new Set<number>();
    this.#symbols.forEach((symbol, index) => {
      const named = symbol.parent === -1 && this.#exportedNames.has(symbol.name);
      const member = newlyExported.has(symbol.parent) && memberKinds.has(symbol.kind) && !this.#hidden.has(index);
      if ((named || member) && !symbol.exported) {
        symbol.exported = true;
        newlyExported.add(index);
      }
    });
  }

  // RuleContext

  get scope(): ScopeInfo {
    return this.#scopes[this.#scopes.length - 1]!.info;
  }

  get local(): boolean {
    return this.#localDepths.length > this.#scopes[this.#scopes.length - 1]!.locals;
  }

  ancestorType(up: number): string {
    return this.#path.types[this.#depth - up] ?? '';
  }

  ancestorStart(up: number): number {
    return this.#path.starts[this.#depth - up] ?? -1;
  }

  text(node: Node): string {
    return this.source.slice(node.startIndex, node.endIndex);
  }

  signature(start: number, end: number): string {
    return signatureText(this.source, start, end);
  }

  markExported(name: string): void {
    this.#exportedNames.add(name);
  }

  addImport(fact: Omit<ImportFact, 'line'>, offset: number): void {
    this.#imports.push({ ...fact, line: this.#lines.row(offset) + 1 });
  }

  addReference(name: string, kind: ReferenceKind, offset: number, receiver = ''): void {
    const row = this.#lines.row(offset);
    const enclosing = this.#scopes[this.#scopes.length - 1]!.symbol;
    this.#references.push({ name, kind, line: row + 1, column: offset - this.#lines.starts[row]!, enclosing, receiver });
  }
}

function isQualifier(result: DefineResult): result is QualifierDraft {
  return result !== null && !Array.isArray(result) && !('kind' in result);
}
