/** `search`: full-text search over code, BM25 with identifier-aware terms, boosted by names and paths. */
import type { DatabaseSync } from 'node:sqlite';
import { CodewrightError } from '../../core/errors.ts';
import { identifierParts, matchExpression, queryTerms } from '../text/tokenize.ts';
import { createLineReader } from './source-lines.ts';

export interface SearchHit {
  path: string;
  startLine: number;
  endLine: number;
  symbol: string | null;
  score: number;
  /** The chunk's lines that contain a query term (at most three). */
  lines: { line: number; text: string }[];
}

/** Column weights for bm25(): path, names, docs, body. */
export const searchWeights = [3, 6, 2, 1] as const;

/** Ranked chunks matching any term of `query`. */
export function searchCode(db: DatabaseSync, root: string, query: string, options: { limit?: number } = {}): SearchHit[] {
  const terms = queryTerms(query);
  if (terms.length === 0) {
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: 'The search text has no words to look for. Give identifiers or words, e.g. `codewright search "parse config"`.' });
  }
  const limit = options.limit ?? 20;
  const rows = db
    .prepare(
      `SELECT chunks.start_line AS startLine, chunks.end_line AS endLine, files.path AS path, symbols.qualified_name AS symbol,
              bm25(chunks_fts, ${searchWeights.join(', ')}) AS score
       FROM chunks_fts JOIN chunks ON chunks.id = chunks_fts.rowid JOIN files ON files.id = chunks.file_id
       LEFT JOIN symbols ON symbols.id = chunks.symbol_id
       WHERE chunks_fts MATCH ? ORDER BY score LIMIT ?`,
    )
    .all(matchExpression(terms), limit) as { startLine: number; endLine: number; path: string; symbol: string | null; score: number }[];
  const lineOf = createLineReader(root);
  const parts = new Set(terms.flatMap((term) => [term, ...identifierParts(term)]));
  return rows.map((row) => ({
    path: row.path,
    startLine: Number(row.startLine),
    endLine: Number(row.endLine),
    symbol: row.symbol,
    score: -Number(row.score),
    lines: matchingLines(lineOf, row.path, Number(row.startLine), Number(row.endLine), parts),
  }));
}

function matchingLines(
  lineOf: (path: string, line: number) => string,
  path: string,
  start: number,
  end: number,
  terms: Set<string>,
): { line: number; text: string }[] {
  const found: { line: number; text: string; hits: number }[] = [];
  for (let line = start; line <= end && line < start + 2000; line++) {
    const text = lineOf(path, line);
    const lower = text.toLowerCase();
    let hits = 0;
    for (const term of terms) if (lower.includes(term)) hits++;
    if (hits > 0) found.push({ line, text, hits });
  }
  return found
    .sort((a, b) => b.hits - a.hits || a.line - b.line)
    .slice(0, 3)
    .sort((a, b) => a.line - b.line)
    .map(({ line, text }) => ({ line, text }));
}
