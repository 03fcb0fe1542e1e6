/** `outline`: a file's definitions as a tree. */
import type { DatabaseSync } from 'node:sqlite';
import { CodewrightError } from '../../core/errors.ts';
import { selectSymbols } from './symbols.ts';
import type { StoredSymbol } from './symbols.ts';

export interface OutlineNode {
  symbol: StoredSymbol;
  children: OutlineNode[];
}

export interface Outline {
  path: string;
  language: string | null;
  status: string;
  reason: string;
  nodes: OutlineNode[];
}

/** The outline of one indexed file (path relative to the root). */
export function outlineFile(db: DatabaseSync, path: string): Outline {
  const normalized = path.replace(/^\.\//, '');
  const file = db.prepare('SELECT id, path, language, status, reason FROM files WHERE path = ?').get(normalized) as
    | { id: number; path: string; language: string | null; status: string; reason: string }
    | undefined;
  if (!file) {
    throw new CodewrightError({
      code: 'NOT_FOUND',
      message: `${normalized} is not in the index. Give a path relative to the repository root (see \`codewright stats\`), or re-run \`codewright index\`.`,
      data: { path: normalized },
    });
  }
  const symbols = selectSymbols(db, 'symbols.file_id = ? ORDER BY symbols.start_line, symbols.start_col', file.id);
  const nodes = new Map<number, OutlineNode>();
  const roots: OutlineNode[] = [];
  for (const symbol of symbols) nodes.set(symbol.id, { symbol, children: [] });
  for (const symbol of symbols) {
    const node = nodes.get(symbol.id)!;
    const parent = symbol.parentId === null ? undefined : nodes.get(symbol.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return { path: file.path, language: file.language, status: file.status, reason: file.reason, nodes: roots };
}
