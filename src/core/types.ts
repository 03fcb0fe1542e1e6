/** Shared types every layer speaks: locations, symbols, languages. */

export type Language =
  | 'typescript'
  | 'tsx'
  | 'javascript'
  | 'python'
  | 'java'
  | 'go'
  | 'rust'
  | 'c'
  | 'cpp';

/** A 1-based line and 0-based column range in a file, relative to the repository root. */
export interface Location {
  path: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export type SymbolKind =
  | 'function'
  | 'method'
  | 'class'
  | 'interface'
  | 'type'
  | 'enum'
  | 'enum-member'
  | 'variable'
  | 'constant'
  | 'property'
  | 'field'
  | 'module'
  | 'namespace'
  | 'struct'
  | 'trait'
  | 'macro'
  | 'constructor';

/** A definition as the world model stores it. */
export interface CodeSymbol {
  id: number;
  name: string;
  qualifiedName: string;
  kind: SymbolKind;
  location: Location;
  signature: string;
  doc: string;
  exported: boolean;
  language: Language;
}
