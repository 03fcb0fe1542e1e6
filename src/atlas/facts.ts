/** What the parser extracts from one file: the contract between parse workers and the store. */
import type { Language, SymbolKind } from '../core/types.ts';

/** A definition found in a file. Lines are 1-based, columns 0-based. */
export interface SymbolFact {
  name: string;
  /** Dotted path of enclosing definitions and the name, e.g. `Parser.parseExpression`. */
  qualifiedName: string;
  kind: SymbolKind;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** Line and column of the name itself. */
  nameLine: number;
  nameColumn: number;
  /** The declaration head on one line, without the body, at most 200 characters. */
  signature: string;
  /** The doc comment attached to the definition, markers stripped. */
  doc: string;
  exported: boolean;
  /** Index into `symbols` of the enclosing definition, or -1 at top level. */
  parent: number;
}

export type ReferenceKind = 'call' | 'read' | 'write' | 'type' | 'new' | 'import' | 'export';

/** A use of a name. */
export interface ReferenceFact {
  name: string;
  kind: ReferenceKind;
  line: number;
  column: number;
  /** Index into `symbols` of the innermost enclosing definition, or -1. */
  enclosing: number;
  /** For member access `a.b()`, the receiver text `a` (at most 80 characters), else ''. */
  receiver: string;
}

/** An import statement (or include, use, require). */
export interface ImportFact {
  /** The module specifier as written: `./util`, `react`, `os.path`, `stdio.h`. */
  source: string;
  /** Imported name as exported by the source (`default`, `*`, or a name); '' for side-effect imports. */
  importedName: string;
  /** Local binding name, '' when none. */
  localName: string;
  line: number;
  /** True for `export ... from` re-exports. */
  reexport: boolean;
}

/** Everything extracted from one file. */
export interface FileFacts {
  path: string;
  language: Language;
  symbols: SymbolFact[];
  references: ReferenceFact[];
  imports: ImportFact[];
  /** Comment text (markers stripped, joined by newlines, capped at 64 KiB) for full-text search. */
  comments: string;
  /** Number of lines in the file. */
  lines: number;
  /** True when the tree has ERROR or MISSING nodes: facts are partial. */
  hasErrors: boolean;
  /** 1-based lines of the first few syntax errors. */
  errorLines: number[];
}
