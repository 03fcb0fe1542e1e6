/** `refs`, `callers` and `callees`: uses of definitions, resolved precisely or by import and name. */
import type { DatabaseSync } from 'node:sqlite';
import { selectSymbols } from './symbols.ts';
import type { StoredSymbol } from './symbols.ts';
import { createLineReader } from './source-lines.ts';

/** How sure the index is that a reference points at the definition. */
export type Confidence = 'precise' | 'import' | 'local' | 'name';

export interface Reference {
  path: string;
  line: number;
  column: number;
  kind: string;
  text: string;
  /** The definition the reference sits in, if any. */
  enclosing: { id: number; qualifiedName: string } | null;
  target: number;
  confidence: Confidence;
}

interface RefRow {
  id: number;
  fileId: number;
  path: string;
  name: string;
  kind: string;
  line: number;
  col: number;
  enclosingId: number | null;
  enclosingName: string | null;
  receiver: string;
  targetId: number | null;
  resolution: string | null;
}

const refColumns = `refs.id AS id, refs.file_id AS fileId, files.path AS path, refs.name AS name, refs.kind AS kind,
  refs.line AS line, refs.col AS col, refs.enclosing_id AS enclosingId, enclosing.qualified_name AS enclosingName,
  refs.receiver AS receiver, refs.target_id AS targetId, refs.resolution AS resolution`;
const refJoins = `FROM refs JOIN files ON files.id = refs.file_id LEFT JOIN symbols AS enclosing ON enclosing.id = refs.enclosing_id`;

/**
 * Which of `candidates` (definitions sharing the ref's name) a reference points at:
 * the precise target, a definition in the same file, the file it was imported from, or the only one.
 */
function pick(
  row: RefRow,
  candidates: readonly StoredSymbol[],
  importedFrom: Map<string, number | null>,
): { target: StoredSymbol; confidence: Confidence }[] {
  if (row.resolution === 'precise' || row.resolution === 'external') {
    const target = candidates.find((candidate) => candidate.id === Number(row.targetId));
    return target ? [{ target, confidence: 'precise' }] : [];
  }
  const importKey = `${row.fileId}:${row.name}`;
  if (importedFrom.has(importKey)) {
    const fileId = importedFrom.get(importKey);
    const targets = candidates.filter((candidate) => candidate.fileId === fileId);
    return targets.map((target) => ({ target, confidence: 'import' as const }));
  }
  if (!row.receiver || row.receiver === 'this' || row.receiver === 'self') {
    const local = candidates.filter((candidate) => candidate.fileId === Number(row.fileId));
    if (local.length > 0) return local.map((target) => ({ target, confidence: 'local' as const }));
  }
  if (candidates.length === 1 && candidates[0]) return [{ target: candidates[0], confidence: 'name' }];
  const members = candidates.filter((candidate) => row.receiver && candidate.qualifiedName.includes('.'));
  return members.map((target) => ({ target, confidence: 'name' as const }));
}

/**
 * For every file that imports `name`, the file that finally defines it, following re-exports
 * (`export { x } from './x'`, `export * from './x'`) up to a few hops; null when external.
 */
function importsByName(db: DatabaseSync, name: string): Map<string, number | null> {
  const map = new Map<string, number | null>();
  const rows = db
    .prepare("SELECT file_id AS fileId, resolved_file_id AS resolvedId FROM imports WHERE local_name = ? OR (local_name = '' AND imported_name = ?)")
    .all(name, name) as { fileId: number; resolvedId: number | null }[];
  const defines = db.prepare('SELECT 1 FROM symbols WHERE file_id = ? AND name = ? AND parent_id IS NULL LIMIT 1');
  const reexports = db.prepare(
    "SELECT resolved_file_id AS id FROM imports WHERE file_id = ? AND reexport = 1 AND resolved_file_id IS NOT NULL AND (imported_name = ? OR imported_name = '*')",
  );
  const finalFile = (start: number): number => {
    let current = start;
    for (let hop = 0; hop < 8; hop++) {
      if (defines.get(current, name)) return current;
      const next = reexports.all(current, name) as { id: number }[];
      const found = next.map((row) => Number(row.id)).find((id) => id !== current);
      if (found === undefined) return current;
      current = found;
    }
    return current;
  };
  for (const row of rows) {
    map.set(`${row.fileId}:${name}`, row.resolvedId === null ? null : finalFile(Number(row.resolvedId)));
  }
  return map;
}

/** Every reference to any of `targets` (which may share a name), with the line's text. */
export function findReferences(
  db: DatabaseSync,
  root: string,
  targets: readonly StoredSymbol[],
  options: { kinds?: readonly string[]; limit?: number } = {},
): Reference[] {
  const lineOf = createLineReader(root);
  const wanted = new Set(targets.map((target) => target.id));
  const results: Reference[] = [];
  for (const name of new Set(targets.map((target) => target.name))) {
    const candidates = selectSymbols(db, 'symbols.name = ?', name);
    const importedFrom = importsByName(db, name);
    const rows = db.prepare(`SELECT ${refColumns} ${refJoins} WHERE refs.name = ? ORDER BY files.path, refs.line, refs.col`).all(name) as unknown as RefRow[];
    for (const row of rows) {
      if (options.kinds && !options.kinds.includes(row.kind)) continue;
      for (const { target, confidence } of pick(row, candidates, importedFrom)) {
        if (!wanted.has(target.id)) continue;
        results.push(toReference(row, target.id, confidence, lineOf));
      }
    }
  }
  return options.limit ? results.slice(0, options.limit) : results;
}

function toReference(row: RefRow, target: number, confidence: Confidence, lineOf: (path: string, line: number) => string): Reference {
  return {
    path: row.path,
    line: Number(row.line),
    column: Number(row.col),
    kind: row.kind,
    text: lineOf(row.path, Number(row.line)),
    enclosing: row.enclosingId === null ? null : { id: Number(row.enclosingId), qualifiedName: row.enclosingName ?? '' },
    target,
    confidence,
  };
}

/** A definition that calls the target, with its call sites. */
export interface Caller {
  caller: { id: number; qualifiedName: string } | null;
  path: string;
  sites: Reference[];
}

/** The definitions that call (or construct) any of `targets`. */
export function findCallers(db: DatabaseSync, root: string, targets: readonly StoredSymbol[]): Caller[] {
  const groups = new Map<string, Caller>();
  for (const reference of findReferences(db, root, targets, { kinds: ['call', 'new'] })) {
    const key = `${reference.path}:${reference.enclosing?.id ?? 'top'}`;
    const group = groups.get(key) ?? { caller: reference.enclosing, path: reference.path, sites: [] };
    group.sites.push(reference);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A call made by the source definition, with what it resolves to when known. */
export interface Callee {
  name: string;
  receiver: string;
  site: Reference;
  targets: { id: number; qualifiedName: string; path: string; line: number; confidence: Confidence }[];
}

/** The calls made inside `source` (including nested definitions), resolved where possible. */
export function findCallees(db: DatabaseSync, root: string, source: StoredSymbol): Callee[] {
  const lineOf = createLineReader(root);
  const rows = db
    .prepare(
      // The file's references are the id range its row records (schema migration 3).
      `SELECT ${refColumns} ${refJoins}
       WHERE refs.id BETWEEN (SELECT refs_first FROM files WHERE id = ?1) AND (SELECT refs_last FROM files WHERE id = ?1)
         AND refs.line BETWEEN ?2 AND ?3 AND refs.kind IN ('call', 'new')
       ORDER BY refs.line, refs.col`,
    )
    .all(source.fileId, source.location.startLine, source.location.endLine) as unknown as RefRow[];
  const callees: Callee[] = [];
  for (const row of rows) {
    const candidates = selectSymbols(db, 'symbols.name = ? LIMIT 50', row.name);
    const picked = pick(row, candidates, importsByName(db, row.name));
    callees.push({
      name: row.name,
      receiver: row.receiver,
      site: toReference(row, picked[0]?.target.id ?? 0, picked[0]?.confidence ?? 'name', lineOf),
      targets: picked.map(({ target, confidence }) => ({
        id: target.id,
        qualifiedName: target.qualifiedName,
        path: target.location.path,
        line: target.location.startLine,
        confidence,
      })),
    });
  }
  return callees;
}
