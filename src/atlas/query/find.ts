/** `find`: definitions by exact, qualified or fuzzy name, ranked. */
import type { DatabaseSync } from 'node:sqlite';
import { queryTerms } from '../text/tokenize.ts';
import { selectSymbols } from './symbols.ts';
import type { StoredSymbol } from './symbols.ts';
import { editDistance } from './edit-distance.ts';

export interface FindOptions {
  limit?: number;
  kind?: string;
}

export type FindMatch = 'exact' | 'qualified' | 'case' | 'prefix' | 'words' | 'fuzzy';

export interface FindResult {
  symbol: StoredSymbol;
  match: FindMatch;
  score: number;
}

const matchScore: Record<FindMatch, number> = { exact: 100, qualified: 100, case: 90, prefix: 70, words: 50, fuzzy: 30 };
const primaryKinds = new Set(['class', 'function', 'interface', 'type', 'enum', 'struct', 'trait', 'method']);

function bonus(symbol: StoredSymbol): number {
  let score = 0;
  if (symbol.exported) score += 5;
  if (primaryKinds.has(symbol.kind)) score += 3;
  if (/(^|\/)(test|tests|__tests__|spec|fixtures?)\/|\.(test|spec)\./.test(symbol.location.path)) score -= 10;
  if (symbol.location.path.endsWith('.d.ts')) score -= 2;
  return score - Math.min(5, symbol.location.path.split('/').length / 3);
}

/** Finds definitions named like `query`, best first. */
export function findSymbols(db: DatabaseSync, query: string, options: FindOptions = {}): FindResult[] {
  const limit = options.limit ?? 20;
  const needle = query.trim();
  const lower = needle.toLowerCase();
  const found = new Map<number, FindResult>();
  const add = (symbols: StoredSymbol[], match: FindMatch) => {
    for (const symbol of symbols) {
      if (options.kind && symbol.kind !== options.kind) continue;
      if (found.has(symbol.id)) continue;
      found.set(symbol.id, { symbol, match, score: matchScore[match] + bonus(symbol) });
    }
  };
  add(selectSymbols(db, 'symbols.name = ? LIMIT 500', needle), 'exact');
  if (needle.includes('.') || needle.includes('::')) {
    const dotted = needle.replace(/::/g, '.');
    add(selectSymbols(db, 'symbols.qualified_name = ? LIMIT 500', dotted), 'qualified');
    const last = dotted.slice(dotted.lastIndexOf('.') + 1);
    add(
      selectSymbols(db, 'symbols.name = ? LIMIT 2000', last).filter((symbol) =>
        symbol.qualifiedName.toLowerCase().endsWith(dotted.toLowerCase()),
      ),
      'qualified',
    );
  }
  add(selectSymbols(db, 'lower(symbols.name) = ? LIMIT 500', lower), 'case');
  if (found.size < limit && lower.length >= 2) {
    add(selectSymbols(db, `lower(symbols.name) >= ? AND lower(symbols.name) < ? LIMIT ${limit * 5}`, lower, `${lower}\uffff`), 'prefix');
  }
  if (found.size < limit) {
    const terms = queryTerms(needle).filter((term) => !term.includes('.'));
    if (terms.length > 0) {
      const match = terms.map((term) => `"${term.replace(/"/g, '""')}"*`).join(' AND ');
      add(
        selectSymbols(
          db,
          `symbols.id IN (SELECT rowid FROM symbols_fts WHERE symbols_fts MATCH ? ORDER BY rank LIMIT ${limit * 5})`,
          `name : (${match})`,
        ),
        'words',
      );
    }
  }
  if (found.size === 0 && lower.length >= 4) add(fuzzyNames(db, lower, limit), 'fuzzy');
  return [...found.values()].sort((a, b) => b.score - a.score || a.symbol.location.path.localeCompare(b.symbol.location.path)).slice(0, limit);
}

/** Definitions whose name is within a small edit distance of `lower` (typos). */
function fuzzyNames(db: DatabaseSync, lower: string, limit: number): StoredSymbol[] {
  const allowed = lower.length >= 8 ? 2 : 1;
  const names = db
    .prepare('SELECT DISTINCT name FROM symbols WHERE length(name) BETWEEN ? AND ?')
    .all(lower.length - allowed, lower.length + allowed) as { name: string }[];
  const close = names
    .map(({ name }) => ({ name, distance: editDistance(lower, name.toLowerCase(), allowed) }))
    .filter((entry) => entry.distance <= allowed)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit);
  return close.flatMap(({ name }) => selectSymbols(db, 'symbols.name = ? LIMIT 20', name));
}
