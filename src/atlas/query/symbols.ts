/** Loading symbols from the index and turning a user's symbol spec into definitions. */
import type { DatabaseSync } from 'node:sqlite';
import { CodewrightError } from '../../core/errors.ts';
import type { CodeSymbol, Language, SymbolKind } from '../../core/types.ts';

/** A stored definition with its database ids. */
export interface StoredSymbol extends CodeSymbol {
  fileId: number;
  parentId: number | null;
  nameLine: number;
  nameColumn: number;
}

export const symbolColumns = `symbols.id AS id, symbols.file_id AS fileId, symbols.parent_id AS parentId, symbols.name AS name,
  symbols.qualified_name AS qualifiedName, symbols.kind AS kind, symbols.start_line AS startLine, symbols.start_col AS startColumn,
  symbols.end_line AS endLine, symbols.end_col AS endColumn, symbols.name_line AS nameLine, symbols.name_col AS nameColumn,
  symbols.signature AS signature, symbols.doc AS doc, symbols.exported AS exported, files.path AS path, files.language AS language`;

interface SymbolRow {
  id: number;
  fileId: number;
  parentId: number | null;
  name: string;
  qualifiedName: string;
  kind: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  nameLine: number;
  nameColumn: number;
  signature: string;
  doc: string;
  exported: number;
  path: string;
  language: string;
}

/** Converts a row selected with `symbolColumns`. */
export function toSymbol(row: SymbolRow): StoredSymbol {
  return {
    id: Number(row.id),
    fileId: Number(row.fileId),
    parentId: row.parentId === null ? null : Number(row.parentId),
    name: row.name,
    qualifiedName: row.qualifiedName,
    kind: row.kind as SymbolKind,
    location: {
      path: row.path,
      startLine: Number(row.startLine),
      startColumn: Number(row.startColumn),
      endLine: Number(row.endLine),
      endColumn: Number(row.endColumn),
    },
    nameLine: Number(row.nameLine),
    nameColumn: Number(row.nameColumn),
    signature: row.signature,
    doc: row.doc,
    exported: Number(row.exported) === 1,
    language: row.language as Language,
  };
}

/** Runs a query that selects `symbolColumns` and converts the rows. */
export function selectSymbols(db: DatabaseSync, where: string, ...parameters: (string | number)[]): StoredSymbol[] {
  const rows = db
    .prepare(`SELECT ${symbolColumns} FROM symbols JOIN files ON files.id = symbols.file_id WHERE ${where}`)
    .all(...parameters) as unknown as SymbolRow[];
  return rows.map(toSymbol);
}

/**
 * The definitions a spec names: `name`, `Qualified.name`, `path:line` (the innermost definition
 * around that line) or `path#name`.
 */
export function resolveSymbolSpec(db: DatabaseSync, spec: string): StoredSymbol[] {
  const trimmed = spec.trim();
  if (!trimmed) {
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: 'Give a symbol: a name, `Class.method`, `path:line` or `path#name`.' });
  }
  const atLine = /^(.+):(\d+)$/.exec(trimmed);
  if (atLine) {
    const [, path = '', line = '0'] = atLine;
    return selectSymbols(
      db,
      'files.path = ? AND symbols.start_line <= ? AND symbols.end_line >= ? ORDER BY (symbols.end_line - symbols.start_line) LIMIT 1',
      path,
      Number(line),
      Number(line),
    );
  }
  // `Class.#private` is a name, not `path#name`: a path never ends in a dot.
  const inFile = /^(.*[^.])#(.+)$/.exec(trimmed);
  if (inFile) {
    const [, path = '', name = ''] = inFile;
    return selectSymbols(db, 'files.path = ? AND (symbols.name = ? OR symbols.qualified_name = ?)', path, name, name);
  }
  const exact = selectSymbols(db, 'symbols.qualified_name = ?', trimmed);
  if (exact.length > 0) return exact;
  const byName = selectSymbols(db, 'symbols.name = ?', trimmed);
  if (byName.length > 0 || !trimmed.includes('.')) return byName;
  const last = trimmed.slice(trimmed.lastIndexOf('.') + 1);
  return selectSymbols(db, 'symbols.name = ? AND symbols.qualified_name LIKE ?', last, `%${trimmed}`);
}

/** Like resolveSymbolSpec, but NOT_FOUND with a hint when nothing matches. */
export function requireSymbols(db: DatabaseSync, spec: string): StoredSymbol[] {
  const symbols = resolveSymbolSpec(db, spec);
  if (symbols.length === 0) {
    throw new CodewrightError({
      code: 'NOT_FOUND',
      message: `No definition named \`${spec}\` in the index. Try \`codewright find ${spec}\` for fuzzy matches, or re-run \`codewright index\` if the code is new.`,
      data: { spec },
    });
  }
  return symbols;
}
