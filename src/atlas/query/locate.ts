/** `locate`: the files and symbols most likely to need a change for a problem description. */
import type { DatabaseSync } from 'node:sqlite';
import { CodewrightError } from '../../core/errors.ts';
import { matchExpression, queryTerms, stopWords } from '../text/tokenize.ts';
import { searchWeights } from './search.ts';

export interface LocatedSymbol {
  id: number;
  qualifiedName: string;
  kind: string;
  line: number;
  score: number;
}

export interface LocatedFile {
  path: string;
  score: number;
  /** Why the file ranks: each signal's share of the score. */
  signals: Record<LocateSignal, number>;
  symbols: LocatedSymbol[];
}

export type LocateSignal = 'text' | 'names' | 'path' | 'graph' | 'history' | 'tests';

/** Weights of the signals; documented in docs/locate.md. */
export const locateWeights: Record<LocateSignal, number> = {
  text: 1,
  names: 1.2,
  path: 0.6,
  graph: 0.35,
  history: 0.15,
  tests: 0.4,
};

/** Identifiers written in the text as code: camelCase, snake_case, `quoted`, Dotted.names. */
export function mentionedIdentifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/`([^`\n]{2,80})`/g)) {
    for (const word of (match[1] ?? '').match(/[A-Za-z_$][\w$]*/g) ?? []) if (word.length > 2) found.add(word);
  }
  for (const match of text.matchAll(/\b[A-Za-z_$][\w$]*\b/g)) {
    const word = match[0];
    if (/[a-z][A-Z]|_[a-z]|^[A-Z][a-z]+[A-Z]/.test(word) && word.length > 3) found.add(word);
  }
  return [...found].filter((word) => !stopWords.has(word.toLowerCase()));
}

type Scores = Map<string, Record<LocateSignal, number>>;

function add(scores: Scores, path: string, signal: LocateSignal, value: number): void {
  let entry = scores.get(path);
  if (!entry) {
    entry = { text: 0, names: 0, path: 0, graph: 0, history: 0, tests: 0 };
    scores.set(path, entry);
  }
  entry[signal] += value;
}

function normalise(values: Map<string, number>): Map<string, number> {
  const max = Math.max(0, ...values.values());
  return max > 0 ? new Map([...values].map(([key, value]) => [key, value / max])) : values;
}

function textScores(db: DatabaseSync, terms: string[]): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT files.path AS path, -bm25(chunks_fts, ${searchWeights.join(', ')}) AS score
       FROM chunks_fts JOIN chunks ON chunks.id = chunks_fts.rowid JOIN files ON files.id = chunks.file_id
       WHERE chunks_fts MATCH ? ORDER BY rank LIMIT 400`,
    )
    .all(matchExpression(terms)) as { path: string; score: number }[];
  const byFile = new Map<string, number[]>();
  for (const row of rows) {
    const list = byFile.get(row.path) ?? [];
    list.push(Number(row.score));
    byFile.set(row.path, list);
  }
  const scores = new Map<string, number>();
  for (const [path, list] of byFile) {
    list.sort((a, b) => b - a);
    scores.set(path, (list[0] ?? 0) + 0.3 * (list[1] ?? 0) + 0.1 * (list[2] ?? 0));
  }
  return normalise(scores);
}

interface NameHit {
  id: number;
  path: string;
  qualifiedName: string;
  kind: string;
  line: number;
  weight: number;
}

function nameHits(db: DatabaseSync, text: string, terms: string[]): NameHit[] {
  const hits: NameHit[] = [];
  const select = db.prepare(
    `SELECT symbols.id AS id, files.path AS path, symbols.qualified_name AS qualifiedName, symbols.kind AS kind, symbols.start_line AS line
     FROM symbols JOIN files ON files.id = symbols.file_id WHERE symbols.name = ? LIMIT 40`,
  );
  for (const identifier of mentionedIdentifiers(text)) {
    const rows = select.all(identifier) as unknown as Omit<NameHit, 'weight'>[];
    for (const row of rows) hits.push({ ...row, id: Number(row.id), line: Number(row.line), weight: 1 / Math.sqrt(rows.length) });
  }
  const rows = db
    .prepare(
      `SELECT symbols.id AS id, files.path AS path, symbols.qualified_name AS qualifiedName, symbols.kind AS kind,
              symbols.start_line AS line, -bm25(symbols_fts, 4, 2, 1, 0) AS score
       FROM symbols_fts JOIN symbols ON symbols.id = symbols_fts.rowid JOIN files ON files.id = symbols.file_id
       WHERE symbols_fts MATCH ? ORDER BY rank LIMIT 100`,
    )
    .all(`{name qualified doc} : (${matchExpression(terms)})`) as (Omit<NameHit, 'weight'> & { score: number })[];
  const best = Math.max(1e-9, ...rows.map((row) => Number(row.score)));
  for (const row of rows) hits.push({ id: Number(row.id), path: row.path, qualifiedName: row.qualifiedName, kind: row.kind, line: Number(row.line), weight: (0.5 * Number(row.score)) / best });
  return hits;
}

function pathScores(paths: string[], terms: string[]): Map<string, number> {
  const scores = new Map<string, number>();
  const wanted = new Set(terms.filter((term) => term.length > 2));
  for (const path of paths) {
    const parts = new Set(queryTerms(path.replace(/\.[^./]+$/, '')));
    let hits = 0;
    for (const part of parts) if (wanted.has(part)) hits++;
    if (hits > 0) scores.set(path, hits / Math.sqrt(parts.size));
  }
  return normalise(scores);
}

/** Ranks files and their symbols for a natural-language problem description. */
export function locate(db: DatabaseSync, text: string, options: { limit?: number } = {}): LocatedFile[] {
  const terms = queryTerms(text);
  if (terms.length === 0) {
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: 'The description has no words to look for. Describe the problem, e.g. `codewright locate "crash when the config file is empty"`.' });
  }
  const limit = options.limit ?? 10;
  const scores: Scores = new Map();
  for (const [path, value] of textScores(db, terms)) add(scores, path, 'text', value);
  const hits = nameHits(db, text, terms);
  const symbolScores = new Map<number, LocatedSymbol & { path: string }>();
  const nameByFile = new Map<string, number>();
  for (const hit of hits) {
    nameByFile.set(hit.path, (nameByFile.get(hit.path) ?? 0) + hit.weight);
    const previous = symbolScores.get(hit.id);
    symbolScores.set(hit.id, { id: hit.id, path: hit.path, qualifiedName: hit.qualifiedName, kind: hit.kind, line: hit.line, score: (previous?.score ?? 0) + hit.weight });
  }
  for (const [path, value] of normalise(nameByFile)) add(scores, path, 'names', value);
  const candidates = [...scores.keys()];
  for (const [path, value] of pathScores(candidates.length > 0 ? candidates : [], terms)) add(scores, path, 'path', value);
  addGraphAndHistory(db, scores);
  const ranked = [...scores].map(([path, signals]) => ({
    path,
    signals,
    score: (Object.keys(signals) as LocateSignal[]).reduce((sum, key) => sum + signals[key] * locateWeights[key], 0),
  }));
  ranked.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path));
  return ranked.slice(0, limit).map((file) => ({
    ...file,
    symbols: [...symbolScores.values()]
      .filter((symbol) => symbol.path === file.path)
      .sort((a, b) => b.score - a.score)
      .slice(0, 5)
      .map(({ path: _path, ...symbol }) => symbol),
  }));
}

/** The code file a test file is named after: `tests/rules/foo.test.ts` -> stem `foo`. */
function testedStem(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const match = /^(?:test_)?(.+?)(?:[._-](?:test|spec|tests))?\.[^.]+$/.exec(base);
  return match?.[1];
}

/**
 * Graph proximity: import neighbours of the strongest files get part of their score, damped for
 * hubs (files that many files import). Test links: a matching test points at the code it imports
 * and at the code file it is named after. Both are normalised to [0, 1], then fix history is added.
 */
function addGraphAndHistory(db: DatabaseSync, scores: Scores): void {
  const base = [...scores].map(([path, signals]) => ({ path, value: signals.text + signals.names * 1.2 + signals.path * 0.6 }));
  base.sort((a, b) => b.value - a.value);
  const strong = base.slice(0, 15);
  const neighbours = db.prepare(
    `SELECT target.path AS path, target.is_test AS isTest, 'out' AS direction,
            (SELECT count(*) FROM imports AS other WHERE other.resolved_file_id = target.id) AS importers
       FROM imports JOIN files AS source ON source.id = imports.file_id
       JOIN files AS target ON target.id = imports.resolved_file_id WHERE source.path = ?
     UNION ALL
     SELECT source.path AS path, source.is_test AS isTest, 'in' AS direction,
            (SELECT count(*) FROM imports AS other WHERE other.resolved_file_id = source.id) AS importers
       FROM imports JOIN files AS source ON source.id = imports.file_id
       JOIN files AS target ON target.id = imports.resolved_file_id WHERE target.path = ?`,
  );
  const isTest = db.prepare('SELECT is_test AS isTest FROM files WHERE path = ?');
  const namedAfter = db.prepare("SELECT path FROM files WHERE is_test = 0 AND status IN ('indexed', 'partial') AND path LIKE ? ESCAPE '\\' LIMIT 20");
  const graph = new Map<string, number>();
  const tests = new Map<string, number>();
  const keepMax = (map: Map<string, number>, path: string, value: number) => map.set(path, Math.max(map.get(path) ?? 0, value));
  for (const { path, value } of strong) {
    const fromTest = Number((isTest.get(path) as { isTest: number } | undefined)?.isTest ?? 0) === 1;
    const seen = new Set<string>();
    for (const row of neighbours.all(path, path) as { path: string; isTest: number; direction: string; importers: number }[]) {
      if (row.path === path || seen.has(row.path)) continue;
      seen.add(row.path);
      const damped = value / Math.sqrt(Math.max(1, Number(row.importers)));
      if (fromTest && row.direction === 'out' && Number(row.isTest) === 0) keepMax(tests, row.path, damped);
      else keepMax(graph, row.path, damped);
    }
    const stem = fromTest ? testedStem(path) : undefined;
    if (stem && stem.length > 2) {
      const pattern = `%/${stem.replace(/[\\%_]/g, (character) => `\\${character}`)}.%`;
      for (const row of namedAfter.all(pattern) as { path: string }[]) keepMax(tests, row.path, value);
    }
  }
  for (const [path, value] of normalise(graph)) add(scores, path, 'graph', value);
  for (const [path, value] of normalise(tests)) add(scores, path, 'tests', value);
  const fixes = db.prepare(
    'SELECT count(*) AS n FROM file_commits JOIN commits ON commits.id = file_commits.commit_id WHERE file_commits.path = ? AND commits.is_fix = 1',
  );
  for (const [path, signals] of scores) {
    const count = Number((fixes.get(path) as { n: number }).n);
    if (count > 0) signals.history = Math.min(1, Math.log2(1 + count) / 6);
  }
}
