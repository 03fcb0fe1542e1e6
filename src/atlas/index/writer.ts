/** Writes parse outcomes into the index with prepared statements, a batch per transaction. */
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { transaction } from '../store/database.ts';
import type { FileFacts } from '../facts.ts';
import type { Chunk } from '../text/chunks.ts';
import { indexTerms } from '../text/tokenize.ts';
import { isTestPath } from '../languages.ts';

/** What the files table records of a file, whatever its outcome. */
export interface FileRecord {
  path: string;
  language: string | null;
  size: number;
  mtimeMs: number;
  hash: string | null;
  lines: number;
  status: 'indexed' | 'partial' | 'skipped' | 'unsupported';
  reason: string;
}

/** Prepared writes into one index database; call them inside `batch`. */
export interface IndexWriter {
  /**
   * Runs `work` in one transaction. Full-text rows that `insertFacts` queues are written just
   * before the commit, all together, and dropped if `work` throws.
   */
  batch<T>(work: () => T): T;
  upsertFile(record: FileRecord): number;
  /**
   * Inserts one row per file that is to be parsed, in one statement: status `skipped` with `reason`,
   * size -1 (no stat matches it). For a cold load, whose outcomes then update the rows.
   */
  insertPlaceholders(files: readonly { path: string; language: string; mtimeMs: number }[], reason: string): void;
  touchFile(path: string, size: number, mtimeMs: number): void;
  deleteFacts(fileId: number): void;
  deleteFile(path: string): void;
  /**
   * Writes a file's facts. `resolvedImports`, when given, holds the file id each of `facts.imports`
   * resolves to (null for none), in the same order; otherwise the imports are left unresolved.
   */
  insertFacts(fileId: number, facts: FileFacts, chunks: readonly Chunk[], resolvedImports?: readonly (number | null)[]): void;
}

const refsPerStatement = 64;
const refColumns = 8;

function pathTerms(path: string): string {
  return indexTerms(path.replace(/\.[^./]+$/, '')).join(' ');
}

/** Prepares the statements of an index writer. */
export function createIndexWriter(db: DatabaseSync): IndexWriter {
  const sql = (text: string): StatementSync => db.prepare(text);
  const upsertFile = sql(`INSERT INTO files(path, language, size, mtime_ms, hash, lines, status, reason, is_test, indexed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(path) DO UPDATE SET language = excluded.language, size = excluded.size, mtime_ms = excluded.mtime_ms,
      hash = excluded.hash, lines = excluded.lines, status = excluded.status, reason = excluded.reason,
      is_test = excluded.is_test, indexed_at = excluded.indexed_at
    RETURNING id`);
  const insertPlaceholders = sql(`INSERT INTO files(path, language, size, mtime_ms, hash, lines, status, reason, is_test, indexed_at)
    SELECT value ->> 0, value ->> 1, -1, value ->> 2, NULL, 0, 'skipped', ?, value ->> 3, ? FROM json_each(?)`);
  const touchFile = sql('UPDATE files SET size = ?, mtime_ms = ? WHERE path = ?');
  const fileId = sql('SELECT id FROM files WHERE path = ?');
  const deleteFile = sql('DELETE FROM files WHERE id = ?');
  const unresolveImports = sql('UPDATE imports SET resolved_file_id = NULL WHERE resolved_file_id = ?');
  const staleTargets = sql(
    "UPDATE refs SET target_id = NULL, resolution = 'stale' WHERE target_id IN (SELECT id FROM symbols WHERE file_id = ?)",
  );
  const deleteSymbolsFts = sql('DELETE FROM symbols_fts WHERE rowid IN (SELECT id FROM symbols WHERE file_id = ?)');
  const deleteChunksFts = sql('DELETE FROM chunks_fts WHERE rowid IN (SELECT id FROM chunks WHERE file_id = ?)');
  const deletes = ['symbols', 'imports', 'chunks'].map((table) => sql(`DELETE FROM ${table} WHERE file_id = ?`));
  // A file's references are the ids refs_first..refs_last of its row (see schema migration 3). Ids
  // count on from the largest in use, so a new run never meets a live one.
  const refRange = sql('SELECT refs_first AS first, refs_last AS last FROM files WHERE id = ?');
  const deleteRefs = sql('DELETE FROM refs WHERE id BETWEEN ? AND ?');
  const setRefRange = sql('UPDATE files SET refs_first = ?, refs_last = ? WHERE id = ?');
  let nextRefId = Number((db.prepare('SELECT coalesce(max(id), 0) + 1 AS next FROM refs').get() as { next: number }).next);
  const insertSymbol = sql(`INSERT INTO symbols(file_id, parent_id, name, qualified_name, kind, start_line, start_col,
    end_line, end_col, name_line, name_col, signature, doc, exported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertSymbolFts = sql('INSERT INTO symbols_fts(rowid, name, qualified, doc, path) VALUES (?, ?, ?, ?, ?)');
  const insertRef = sql(
    'INSERT INTO refs(id, file_id, name, kind, line, col, enclosing_id, receiver) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // Many rows per statement: the per-call cost of node:sqlite dominates single-row inserts.
  const insertRefs = sql(
    `INSERT INTO refs(id, file_id, name, kind, line, col, enclosing_id, receiver) VALUES ${Array(refsPerStatement).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
  );
  const refValues = new Array<SQLInputValue>(refsPerStatement * refColumns);
  const refValue = new Array<SQLInputValue>(refColumns);
  const insertImport = sql(
    'INSERT INTO imports(file_id, source, imported_name, local_name, line, reexport, resolved_file_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertChunk = sql('INSERT INTO chunks(file_id, symbol_id, start_line, end_line) VALUES (?, ?, ?, ?)');
  const insertChunkFts = sql('INSERT INTO chunks_fts(rowid, path, names, docs, body) VALUES (?, ?, ?, ?, ?)');

  // FTS5 keeps inserted terms in memory until the transaction commits, but writes them out as a
  // segment whenever a statement opens a savepoint (an upsert, a multi-row insert, an update):
  // queued to the end of the batch, they make one segment per batch instead of several per file.
  let symbolText: (string | number)[][] = [];
  let chunkText: (string | number)[][] = [];
  const writeFullText = () => {
    const symbols = symbolText;
    const chunks = chunkText;
    symbolText = [];
    chunkText = [];
    for (const row of symbols) insertSymbolFts.run(...row);
    for (const row of chunks) insertChunkFts.run(...row);
  };

  const removeFacts = (id: number) => {
    writeFullText(); // a queued row may belong to the facts being removed
    staleTargets.run(id);
    deleteSymbolsFts.run(id);
    deleteChunksFts.run(id);
    for (const statement of deletes) statement.run(id);
    const range = refRange.get(id) as { first: number | null; last: number | null } | undefined;
    if (range?.first != null && range.last != null) {
      deleteRefs.run(range.first, range.last);
      setRefRange.run(null, null, id);
    }
  };

  return {
    batch(work) {
      try {
        return transaction(db, () => {
          const result = work();
          writeFullText();
          return result;
        });
      } finally {
        symbolText = [];
        chunkText = [];
      }
    },
    upsertFile(record) {
      const row = upsertFile.get(
        record.path,
        record.language,
        record.size,
        record.mtimeMs,
        record.hash,
        record.lines,
        record.status,
        record.reason,
        isTestPath(record.path) ? 1 : 0,
        Date.now(),
      ) as { id: number };
      return Number(row.id);
    },
    insertPlaceholders(files, reason) {
      const rows = files.map((file) => [file.path, file.language, file.mtimeMs, isTestPath(file.path) ? 1 : 0]);
      insertPlaceholders.run(reason, Date.now(), JSON.stringify(rows));
    },
    touchFile(path, size, mtimeMs) {
      touchFile.run(size, mtimeMs, path);
    },
    deleteFacts: removeFacts,
    deleteFile(path) {
      const row = fileId.get(path) as { id: number } | undefined;
      if (!row) return;
      removeFacts(Number(row.id));
      unresolveImports.run(row.id);
      deleteFile.run(row.id);
    },
    insertFacts(id, facts, chunks, resolvedImports) {
      const path = pathTerms(facts.path);
      const ids: number[] = [];
      for (const symbol of facts.symbols) {
        const parentId = symbol.parent >= 0 ? (ids[symbol.parent] ?? null) : null;
        const result = insertSymbol.run(
          id,
          parentId,
          symbol.name,
          symbol.qualifiedName,
          symbol.kind,
          symbol.startLine,
          symbol.startColumn,
          symbol.endLine,
          symbol.endColumn,
          symbol.nameLine,
          symbol.nameColumn,
          symbol.signature,
          symbol.doc,
          symbol.exported ? 1 : 0,
        );
        const symbolId = Number(result.lastInsertRowid);
        ids.push(symbolId);
        symbolText.push([
          symbolId,
          indexTerms(symbol.name).join(' '),
          symbol.qualifiedName.toLowerCase(),
          symbol.doc ? indexTerms(symbol.doc).join(' ') : '',
          path,
        ]);
      }
      // One parameter array refilled per statement: building an array per reference costs more
      // than the insert on large files.
      const references = facts.references;
      const firstRefId = nextRefId;
      const put = (values: SQLInputValue[], at: number, reference: FileFacts['references'][number]) => {
        values[at] = nextRefId++;
        values[at + 1] = id;
        values[at + 2] = reference.name;
        values[at + 3] = reference.kind;
        values[at + 4] = reference.line;
        values[at + 5] = reference.column;
        values[at + 6] = reference.enclosing >= 0 ? (ids[reference.enclosing] ?? null) : null;
        values[at + 7] = reference.receiver;
      };
      let next = 0;
      for (; next + refsPerStatement <= references.length; next += refsPerStatement) {
        for (let offset = 0; offset < refsPerStatement; offset++) put(refValues, offset * refColumns, references[next + offset]!);
        insertRefs.run(...refValues);
      }
      for (; next < references.length; next++) {
        put(refValue, 0, references[next]!);
        insertRef.run(...refValue);
      }
      if (references.length > 0) setRefRange.run(firstRefId, nextRefId - 1, id);
      facts.imports.forEach((entry, index) => {
        const target = resolvedImports?.[index] ?? null;
        insertImport.run(id, entry.source, entry.importedName, entry.localName, entry.line, entry.reexport ? 1 : 0, target);
      });
      for (const chunk of chunks) {
        const chunkId = Number(
          insertChunk.run(id, chunk.symbol >= 0 ? (ids[chunk.symbol] ?? null) : null, chunk.startLine, chunk.endLine)
            .lastInsertRowid,
        );
        chunkText.push([chunkId, path, chunk.names, chunk.docs, chunk.body]);
      }
    },
  };
}
