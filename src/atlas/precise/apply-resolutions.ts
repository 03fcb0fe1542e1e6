/** Writes a backend's resolutions into `refs`: one transaction per batch, matched by position. */
import type { DatabaseSync } from 'node:sqlite';
import type { PreciseProblem, ResolvedBatch, ResolvedFile, ResolvedOccurrence, ResolvedPosition } from './backend.ts';

/** What the store did with the resolutions. */
export interface ApplyReport {
  files: number;
  occurrences: number;
  /** Refs pointed at a symbol row (`resolution = 'precise'`). */
  precise: number;
  /**
   * Refs resolved to a declaration in the repository that has no symbol row, such as a local
   * or a parameter (`resolution = 'precise'`, `target_id` NULL).
   */
  preciseWithoutSymbol: number;
  /** Refs whose declaration is outside the indexed files (`resolution = 'external'`). */
  external: number;
  /** Occurrences the backend could not resolve; their refs lose any earlier precise target. */
  unresolved: number;
  /** Occurrences with no ref row: the syntactic pass did not record them. */
  missingRefs: number;
  /** Resolved files the index does not hold. */
  missingFiles: number;
  /** Refs or targets found by (line, name) because the column differed. */
  matchedByName: number;
  problems: PreciseProblem[];
}

interface RefRow {
  id: number;
  line: number;
  col: number;
  name: string;
}

interface SymbolRow {
  id: number;
  nameLine: number;
  nameCol: number;
  name: string;
}

/** Rows of one file, by exact position and by (line, name) for columns counted differently. */
interface PositionIndex {
  byPosition: Map<string, number>;
  byLineName: Map<string, number | 'ambiguous'>;
}

/** Applies every batch; a failing batch is rolled back and its error rethrown. */
export async function applyResolutions(db: DatabaseSync, batches: AsyncIterable<ResolvedBatch> | Iterable<ResolvedBatch>): Promise<ApplyReport> {
  const report: ApplyReport = { files: 0, occurrences: 0, precise: 0, preciseWithoutSymbol: 0, external: 0, unresolved: 0, missingRefs: 0, missingFiles: 0, matchedByName: 0, problems: [] };
  const store = prepare(db);
  for await (const batch of batches) {
    report.problems.push(...batch.problems);
    if (batch.files.length === 0) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const file of batch.files) applyFile(store, file, report);
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
  return report;
}

function prepare(db: DatabaseSync) {
  const fileIds = new Map<string, number | undefined>();
  const symbolIndexes = new Map<number, PositionIndex>();
  const selectFile = db.prepare('SELECT id FROM files WHERE path = ?');
  // A file's references are the id range its row records (schema migration 3).
  const selectRefs = db.prepare(
    'SELECT id, line, col, name FROM refs WHERE id BETWEEN (SELECT refs_first FROM files WHERE id = ?1) AND (SELECT refs_last FROM files WHERE id = ?1)',
  );
  const selectSymbols = db.prepare('SELECT id, name_line AS nameLine, name_col AS nameCol, name FROM symbols WHERE file_id = ?');
  return {
    fileId(path: string): number | undefined {
      if (!fileIds.has(path)) {
        const row = selectFile.get(path) as { id: number } | undefined;
        fileIds.set(path, row ? Number(row.id) : undefined);
      }
      return fileIds.get(path);
    },
    refs: (fileId: number) => indexRows((selectRefs.all(fileId) as unknown as RefRow[]).map((row) => ({ id: row.id, line: row.line, column: row.col, name: row.name }))),
    symbols(fileId: number): PositionIndex {
      let index = symbolIndexes.get(fileId);
      if (!index) {
        const rows = selectSymbols.all(fileId) as unknown as SymbolRow[];
        index = indexRows(rows.map((row) => ({ id: row.id, line: row.nameLine, column: row.nameCol, name: row.name })));
        symbolIndexes.set(fileId, index);
      }
      return index;
    },
    setTarget: db.prepare('UPDATE refs SET target_id = ?, resolution = ? WHERE id = ?'),
    clearTarget: db.prepare("UPDATE refs SET target_id = NULL, resolution = NULL WHERE id = ? AND resolution IN ('precise', 'external', 'stale')"),
  };
}

type Store = ReturnType<typeof prepare>;

function indexRows(rows: { id: number; line: number; column: number; name: string }[]): PositionIndex {
  const index: PositionIndex = { byPosition: new Map(), byLineName: new Map() };
  for (const row of rows) {
    index.byPosition.set(`${row.line}:${row.column}`, Number(row.id));
    const key = `${row.line}:${row.name}`;
    index.byLineName.set(key, index.byLineName.has(key) ? 'ambiguous' : Number(row.id));
  }
  return index;
}

/** Exact position first; else the only row with that name on that line (columns counted in other units). */
function lookup(index: PositionIndex, line: number, column: number, name: string, report: ApplyReport): number | undefined {
  const exact = index.byPosition.get(`${line}:${column}`);
  if (exact !== undefined) return exact;
  const byName = index.byLineName.get(`${line}:${name}`);
  if (byName === undefined || byName === 'ambiguous') return undefined;
  report.matchedByName++;
  return byName;
}

function applyFile(store: Store, file: ResolvedFile, report: ApplyReport): void {
  report.files++;
  report.occurrences += file.occurrences.length;
  const fileId = store.fileId(file.path);
  if (fileId === undefined) {
    report.missingFiles++;
    report.missingRefs += file.occurrences.length;
    return;
  }
  const refs = store.refs(fileId);
  const claimed = new Set<number>();
  const misses: ResolvedOccurrence[] = [];
  for (const occurrence of file.occurrences) {
    const refId = refs.byPosition.get(`${occurrence.line}:${occurrence.column}`);
    if (refId === undefined) misses.push(occurrence);
    else {
      claimed.add(refId);
      applyOccurrence(store, refId, occurrence, report);
    }
  }
  // Second chance for columns counted in other units: the only unclaimed ref of that name on the line.
  for (const occurrence of misses) {
    const refId = refs.byLineName.get(`${occurrence.line}:${occurrence.name}`);
    if (refId === undefined || refId === 'ambiguous' || claimed.has(refId)) {
      report.missingRefs++;
      continue;
    }
    claimed.add(refId);
    report.matchedByName++;
    applyOccurrence(store, refId, occurrence, report);
  }
}

function applyOccurrence(store: Store, refId: number, occurrence: ResolvedOccurrence, report: ApplyReport): void {
  if (occurrence.target === null) {
    report.unresolved++;
    store.clearTarget.run(refId);
  } else if (occurrence.target === 'external') {
    report.external++;
    store.setTarget.run(null, 'external', refId);
  } else {
    applyTarget(store, refId, occurrence.target, occurrence.name, report);
  }
}

function applyTarget(store: Store, refId: number, target: ResolvedPosition, name: string, report: ApplyReport): void {
  const targetFileId = store.fileId(target.path);
  if (targetFileId === undefined) {
    // Declared in a file the index skips (generated, ignored, too large): outside the indexed repository.
    report.external++;
    store.setTarget.run(null, 'external', refId);
    return;
  }
  const symbolId = lookup(store.symbols(targetFileId), target.line, target.column, name, report);
  if (symbolId === undefined) report.preciseWithoutSymbol++;
  else report.precise++;
  store.setTarget.run(symbolId ?? null, 'precise', refId);
}
