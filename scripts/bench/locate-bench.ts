/**
 * `npm run bench -- locate <checkout>`: Acc@1/5/10 of `locate` against a plain BM25 baseline over file
 * contents, on the repository's own fix commits (message as query, changed files as answer).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { openIndex } from '../../src/atlas/store/database.ts';
import { locate } from '../../src/atlas/query/locate.ts';
import { fixed, runMeasured } from './measure.ts';

const cli = fileURLToPath(new URL('../../bin/codewright.js', import.meta.url));
const maxQueries = Number(process.env.BENCH_LOCATE_QUERIES ?? 300);
const ks = [1, 5, 10] as const;

interface Query {
  sha: string;
  text: string;
  answers: Set<string>;
}

/** Strips what would leak the answer's identity without describing the problem: issue numbers, trailers. */
export function queryText(message: string): string {
  return message
    .replace(/\(#\d+\)|#\d+|GH-\d+/g, ' ')
    .replace(/^(Signed-off-by|Co-authored-by|Reviewed-by):.*$/gim, ' ')
    .trim();
}

function loadQueries(db: DatabaseSync): Query[] {
  const code = new Set((db.prepare("SELECT path FROM files WHERE status IN ('indexed', 'partial')").all() as { path: string }[]).map((row) => row.path));
  const commits = db.prepare('SELECT id, sha, message FROM commits WHERE is_fix = 1 AND files_changed <= 10 ORDER BY time DESC').all() as { id: number; sha: string; message: string }[];
  const filesOf = db.prepare('SELECT path FROM file_commits WHERE commit_id = ?');
  const queries: Query[] = [];
  for (const commit of commits) {
    const answers = new Set((filesOf.all(commit.id) as { path: string }[]).map((row) => row.path).filter((path) => code.has(path)));
    const text = queryText(commit.message);
    if (answers.size === 0 || text.length < 10) continue;
    queries.push({ sha: commit.sha, text, answers });
    if (queries.length >= maxQueries) break;
  }
  return queries;
}

/** A plain BM25 index over whole file contents (SQLite FTS5, default tokenizer). */
function buildBaseline(root: string, paths: readonly string[]): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  db.exec("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body)");
  const insert = db.prepare('INSERT INTO docs(path, body) VALUES (?, ?)');
  db.exec('BEGIN');
  for (const path of paths) {
    try {
      insert.run(path, readFileSync(join(root, path), 'utf8'));
    } catch {
      // unreadable: left out of the baseline as it is of the index
    }
  }
  db.exec('COMMIT');
  return db;
}

function baselineRank(db: DatabaseSync, text: string): string[] {
  const words = [...new Set((text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []).filter((word) => word.length > 1))];
  if (words.length === 0) return [];
  const match = words.map((word) => `"${word}"`).join(' OR ');
  return (db.prepare('SELECT path FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10').all(match) as { path: string }[]).map((row) => row.path);
}

function score(rankings: string[][], queries: Query[]): { any: number[]; all: number[] } {
  const any = ks.map((k) => rankings.filter((ranking, index) => ranking.slice(0, k).some((path) => queries[index]!.answers.has(path))).length);
  const all = ks.map((k) => rankings.filter((ranking, index) => [...queries[index]!.answers].every((path) => ranking.slice(0, k).includes(path))).length);
  return { any, all };
}

/** Prints locate quality for `root` (indexing it with history first). */
export function benchLocate(root: string): void {
  const run = runMeasured(process.execPath, [cli, 'index', root]);
  if (run.status !== 0) throw new Error(`index failed: ${run.stderr}`);
  const db = openIndex(root, { writable: false });
  try {
    const queries = loadQueries(db);
    if (queries.length === 0) {
      console.log('no fix commits with indexed files: nothing to measure (is the checkout a git clone with history?)');
      return;
    }
    const paths = (db.prepare("SELECT path FROM files WHERE status IN ('indexed', 'partial')").all() as { path: string }[]).map((row) => row.path);
    const baseline = buildBaseline(root, paths);
    const ours = queries.map((query) => locate(db, query.text, { limit: 10 }).map((file) => file.path));
    const theirs = queries.map((query) => baselineRank(baseline, query.text));
    const mine = score(ours, queries);
    const base = score(theirs, queries);
    const percent = (count: number) => fixed((100 * count) / queries.length, 1);
    console.log(`# locate benchmark: ${root}, ${queries.length} fix commits (newest first, <= 10 files each)`);
    console.log(`locate          Acc@1 ${percent(mine.any[0]!)}%  Acc@5 ${percent(mine.any[1]!)}%  Acc@10 ${percent(mine.any[2]!)}%  (all files in top k: ${mine.all.map(percent).join('% / ')}%)`);
    console.log(`BM25 baseline   Acc@1 ${percent(base.any[0]!)}%  Acc@5 ${percent(base.any[1]!)}%  Acc@10 ${percent(base.any[2]!)}%  (all files in top k: ${base.all.map(percent).join('% / ')}%)`);
    console.log(`difference at Acc@5: ${fixed((100 * (mine.any[1]! - base.any[1]!)) / queries.length, 1)} points (target >= 10)`);
    baseline.close();
  } finally {
    db.close();
  }
}
