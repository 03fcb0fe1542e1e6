/** `history <file|symbol>`: a file's stored history, or the commits that touched a symbol's lines. */
import type { DatabaseSync } from 'node:sqlite';
import { fileHistory, symbolHistory } from '../history/index.ts';
import type { FileHistory, SymbolHistory } from '../history/index.ts';
import { requireSymbols } from './symbols.ts';
import type { StoredSymbol } from './symbols.ts';

export type HistoryAnswer =
  | { type: 'file'; file: FileHistory }
  | { type: 'symbols'; symbols: { symbol: StoredSymbol; history: SymbolHistory | null; file: FileHistory }[] };

/** Answers `history` for a repository path or a symbol spec. */
export async function historyOf(
  db: DatabaseSync,
  root: string,
  target: string,
  options: { limit?: number } = {},
): Promise<HistoryAnswer> {
  const path = target.replace(/^\.\//, '');
  const isFile = db.prepare('SELECT 1 FROM files WHERE path = ?').get(path) !== undefined;
  if (isFile) return { type: 'file', file: fileHistory(db, path, options) };
  const symbols = requireSymbols(db, target).slice(0, 5);
  const answers = [];
  for (const symbol of symbols) {
    const history = await symbolHistory(root, symbol.location.path, symbol.location.startLine, symbol.location.endLine, { limit: options.limit ?? 20 });
    answers.push({ symbol, history, file: fileHistory(db, symbol.location.path, { limit: 0 }) });
  }
  return { type: 'symbols', symbols: answers };
}
