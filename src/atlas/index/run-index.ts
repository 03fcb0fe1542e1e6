/** `index`: brings a repository's world model up to date, re-reading only what changed. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { CodewrightError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { silentLogger } from '../../core/logger.ts';
import { allRows, databasePath, openIndex, readMeta, transaction, writeMeta } from '../store/database.ts';
import { discardFreshIndex, openFreshIndex, publishFreshIndex } from '../store/fresh-index.ts';
import { acquireIndexLock } from '../store/lock.ts';
import { dropFactIndexes, ensureFactIndexes } from '../store/bulk-indexes.ts';
import { estimatedTrackedFiles } from '../scan/git-listing.ts';
import { scanFiles } from '../scan/scan-files.ts';
import type { ScanOutcome } from '../scan/scan-files.ts';
import type { ScannedFile } from '../scan/scan-result.ts';
import type { Language } from '../../core/types.ts';
import { scanChangedPaths } from './changed-scan.ts';
import type { IndexedFile } from './changed-scan.ts';
import type { FileFacts } from '../facts.ts';
import { currentHead } from './git-head.ts';
import type { ParseJob, ParseOutcome } from '../parse/types.ts';
import type { ParsePool } from '../parse/pool.ts';
import { createIndexWriter } from './writer.ts';
import type { IndexWriter } from './writer.ts';
import { inlineModuleDepth, inlineModulesAt, resolveImport, resolveStoredImports } from './resolve-imports.ts';
import { repositoryResolutionContext, resolutionInputs } from './resolution-inputs.ts';
import type { ResolutionContext } from './resolve-imports.ts';
import type { IndexEventHandler, IndexStage } from './events.ts';
import type { IndexSummary } from './summary.ts';
import { updateHistory } from './update-history.ts';

export interface IndexOptions {
  /** Files larger than this are skipped (bytes). */
  maxFileSize?: number;
  /** Parse threads (default: all cores). */
  threads?: number;
  /** Mine git history (default true). */
  history?: boolean;
  /** Time budget for bug-fix longevity blames (ms). */
  longevityBudgetMs?: number;
  /** Resolve references with the TypeScript compiler (default false). */
  precise?: boolean;
  /** Throw the index away and build it again. */
  rebuild?: boolean;
  /**
   * Paths (relative to the root, or absolute inside it) that may have changed since the last run, as a
   * file watcher or an editor knows them: every other file is taken as unchanged and not looked at.
   * A path the index does not hold (a new file, a folder, another language), an ignore file, or a
   * removed manifest makes the run scan everything as usual.
   */
  changedPaths?: readonly string[];
  /** How long to wait for another indexer's lock (ms). */
  waitMs?: number;
  onEvent?: IndexEventHandler;
  logger?: Logger;
  signal?: AbortSignal;
}

const defaultMaxFileSize = 1024 * 1024;
const batchSize = 200;
/** The last this many outcomes of a parse are written this many at a time. */
const endgameFiles = 400;
const endgameBatchSize = 25;
/** Up to this many files are parsed on the main thread instead of starting the pool. */
const inThreadLimit = 16;
/** A cold load of a work tree that tracks about this many files starts its workers before the scan ends. */
const earlyPoolFiles = 500;

interface StoredFile extends IndexedFile {
  id: number;
  size: number;
  mtimeMs: number;
  hash: string | null;
  status: string;
}

/** Checks that `path` is a directory and returns its absolute form. */
export function resolveRoot(path: string): string {
  const root = resolve(path);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    throw new CodewrightError({
      code: 'NOT_A_DIRECTORY',
      message: `${root} does not exist. Give the path of a repository folder, e.g. \`codewright index .\`.`,
      data: { path: root },
    });
  }
  if (!isDirectory) {
    throw new CodewrightError({
      code: 'NOT_A_DIRECTORY',
      message: `${root} is a file, not a directory. Give the repository folder that contains it.`,
      data: { path: root },
    });
  }
  return root;
}

/** File ids of a file's imports' targets (null for none), in the order of `facts.imports`. */
type ImportResolver = (file: ScannedFile, facts: FileFacts) => (number | null)[];

/** Writes one outcome; returns the file's id when new facts (and so new imports) were written. */
function applyOutcome(
  writer: IndexWriter,
  file: ScannedFile,
  outcome: ParseOutcome,
  summary: IndexSummary,
  known: boolean,
  resolveImports?: ImportResolver,
): number | undefined {
  if (outcome.status === 'unchanged') {
    writer.touchFile(file.path, file.size, file.mtimeMs);
    summary.unchanged++;
    return undefined;
  }
  const base = { path: file.path, language: file.language, size: file.size, mtimeMs: file.mtimeMs };
  if (outcome.status === 'skipped') {
    const id = writer.upsertFile({ ...base, hash: outcome.hash, lines: 0, status: 'skipped', reason: outcome.reason });
    if (known) writer.deleteFacts(id);
    return undefined;
  }
  const { facts } = outcome;
  const syntax = facts.errorLines.length > 0
    ? `syntax errors at line${facts.errorLines.length > 1 ? 's' : ''} ${facts.errorLines.join(', ')}`
    : '';
  const reason = [outcome.reason ?? '', syntax].filter(Boolean).join('; ');
  const status = facts.hasErrors ? 'partial' : 'indexed';
  const id = writer.upsertFile({ ...base, hash: outcome.hash, lines: facts.lines, status, reason });
  // A file new to the index has no facts to remove (and, in a cold load, no index to find them by).
  if (known) writer.deleteFacts(id);
  writer.insertFacts(id, facts, outcome.chunks ?? [], resolveImports?.(file, facts));
  summary.parsed++;
  return id;
}

/** Indexes `path` into `<path>/.codewright/index.db` and returns what it did. */
export async function indexRepository(path: string, options: IndexOptions = {}): Promise<IndexSummary> {
  const root = resolveRoot(path);
  const started = performance.now();
  const emit = options.onEvent ?? (() => {});
  const logger = options.logger ?? silentLogger;
  const lock = await acquireIndexLock(root, { waitMs: options.waitMs ?? 30_000, command: 'codewright index' });
  let db: DatabaseSync | undefined;
  let unpublished = false;
  // Started before the database opens: git lists the files (and finds HEAD if need be) meanwhile.
  // With the changed paths named, the index's own list may do instead: that is decided once it is read.
  const scanning = options.changedPaths ? undefined : scanFiles(root);
  scanning?.catch(() => {});
  const head = options.history === false ? undefined : currentHead(root).catch(() => null);
  try {
    // A cold build (the first, or --rebuild) writes a new file and puts it in place when complete:
    // a crash leaves the index as it was, so the new file needs no journal.
    const fresh = options.rebuild === true || !existsSync(databasePath(root));
    if (fresh) {
      db = openFreshIndex(root);
      unpublished = true;
    } else {
      discardFreshIndex(root);
      db = openIndex(root, { writable: true, logger });
      // Checkpoint once at the end instead of every 1,000 pages: bulk writes rewrite the same pages.
      db.exec('PRAGMA wal_autocheckpoint = 0');
    }
    const summary = emptySummary(root);
    const stage = stageTimer(summary, emit);
    const changed = await indexFiles(db, root, options, summary, stage, scanning);
    if (fresh) {
      const building = db;
      db = undefined; // publishFreshIndex closes it
      db = publishFreshIndex(building, root, logger);
      unpublished = false;
      db.exec('PRAGMA wal_autocheckpoint = 0');
    }
    if (options.history !== false) await updateHistory(db, root, options, summary, stage, head);
    else summary.history = { unavailable: 'skipped (--no-history)' };
    if (options.precise) {
      const { runPrecise } = await import('./run-precise.ts');
      // The first precise run resolves everything; later ones only what changed and its dependents.
      const incremental = readMeta(db, 'precise_at') !== undefined;
      await runPrecise(db, root, options, summary, stage, incremental ? changed : undefined);
      transaction(db, () => writeMeta(db!, 'precise_at', new Date().toISOString()));
    }
    stage.start('finish');
    countTotals(db, summary);
    transaction(db, () => {
      writeMeta(db!, 'indexed_at', new Date().toISOString());
      writeMeta(db!, 'root', root);
    });
    db.exec('PRAGMA optimize');
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    stage.end('finish', '');
    summary.milliseconds = Math.round(performance.now() - started);
    return summary;
  } finally {
    db?.close();
    if (unpublished) discardFreshIndex(root);
    lock.release();
  }
}

/** Scans, parses what changed, and writes the facts batch by batch. */
async function indexFiles(
  db: DatabaseSync,
  root: string,
  options: IndexOptions,
  summary: IndexSummary,
  stage: StageTimer,
  scanning: Promise<ScanOutcome> | undefined,
): Promise<string[]> {
  stage.start('scan');
  // What the index holds is read while git lists the files.
  const stored = new Map<string, StoredFile>();
  type Row = [id: number, path: string, size: number, mtimeMs: number, hash: string | null, status: StoredFile['status'], language: Language];
  const sql = 'SELECT id, path, size, mtime_ms, hash, status, language FROM files';
  for (const [id, path, size, mtimeMs, hash, status, language] of allRows<Row>(db.prepare(sql))) {
    stored.set(path, { id: Number(id), language, size: Number(size), mtimeMs: Number(mtimeMs), hash, status });
  }
  const scanned = scanning ?? changedScan(db, root, stored, options.changedPaths ?? []);
  // A cold load (empty index) inserts without secondary indexes and builds them once at the end.
  const cold = stored.size === 0;
  transaction(db, () => (cold ? dropFactIndexes(db) : ensureFactIndexes(db)));
  const writer = createIndexWriter(db);
  let pool: ParsePool | undefined;
  // This thread parses too, between writes: one worker fewer (see ParsePoolOptions.mainThread).
  const openPool = async () => (pool ??= (await import('../parse/pool.ts')).createParsePool({ threads: options.threads, mainThread: true }));
  try {
    // A cold load of a large work tree: the workers start now and load their modules while git lists files.
    if (cold && estimatedTrackedFiles(root) >= earlyPoolFiles) (await openPool()).start();
    const scan = await scanned;
    if (scan.method !== 'changed') recordScan(db, scan);
    return await indexScanned(db, root, options, summary, stage, { scan, stored, cold, writer, openPool });
  } finally {
    await pool?.close();
  }
}

interface ScanContext {
  scan: ScanOutcome;
  stored: ReadonlyMap<string, StoredFile>;
  cold: boolean;
  writer: IndexWriter;
  openPool: () => Promise<ParsePool>;
}

/** Writes what the scan found, parses the files that changed, builds indexes, resolves imports. */
async function indexScanned(
  db: DatabaseSync,
  root: string,
  options: IndexOptions,
  summary: IndexSummary,
  stage: StageTimer,
  { scan, stored, cold, writer, openPool }: ScanContext,
): Promise<string[]> {
  const seen = new Set(scan.files.map((file) => file.path));
  const removed = [...stored.keys()].filter((path) => !seen.has(path));
  const maxFileSize = options.maxFileSize ?? defaultMaxFileSize;
  const jobs: ParseJob[] = [];
  const byPath = new Map<string, ScannedFile>();
  let resolution: ResolutionContext | undefined;
  const context = () => (resolution ??= repositoryResolutionContext(root, scan));
  // A cold load knows every path before the first outcome: each file gets its row (and id) now, so
  // that imports are resolved as they are written and no pass over them follows. A placeholder row
  // says the file is not parsed yet; its size never matches, so that a run stopped midway (in an
  // index file that already existed) leaves it to the next run.
  const idByPath = cold ? new Map<string, number>() : undefined;
  const resolveImports: ImportResolver | undefined = idByPath && ((file, facts) => facts.imports.map(({ source, importedName, line }) => {
    const depth = inlineModuleDepth(file.language, source, () => inlineModulesAt(facts, line));
    const target = resolveImport(context(), file.language, file.path, source, importedName, depth);
    return (target !== undefined && target !== file.path ? idByPath.get(target) : undefined) ?? null;
  }));
  writer.batch(() => {
    for (const path of removed) writer.deleteFile(path);
    for (const file of scan.files) {
      const previous = stored.get(file.path);
      const statSame = previous && previous.size === file.size && previous.mtimeMs === file.mtimeMs;
      if (!previous) summary.added++;
      if (statSame) continue;
      const base = { path: file.path, language: file.language, size: file.size, mtimeMs: file.mtimeMs, lines: 0 };
      if (file.size > maxFileSize) {
        const id = writer.upsertFile({ ...base, hash: null, status: 'skipped', reason: `larger than ${formatBytes(maxFileSize)} (see --max-file-size)` });
        if (previous) writer.deleteFacts(id);
      } else {
        jobs.push({ path: file.path, absolutePath: file.absolutePath, language: file.language, size: file.size, knownHash: previous?.hash ?? undefined });
        byPath.set(file.path, file);
      }
    }
    if (idByPath) {
      writer.insertPlaceholders([...byPath.values()], 'not parsed yet (the run stopped first)');
      for (const [id, path] of allRows<[number, string]>(db.prepare('SELECT id, path FROM files'))) idByPath.set(path, Number(id));
    }
  });
  summary.removed = removed.length;
  summary.unsupported = Object.values(scan.other).reduce((sum, count) => sum + count, 0);
  writeOtherFiles(db, scan.other);
  summary.scan = scanMethod(scan);
  stage.end('scan', `${scan.files.length} files (${summary.scan}), ${jobs.length} to read`);

  stage.start('parse');
  const pending: ParseOutcome[] = [];
  const parsedPaths: string[] = [];
  const parsedIds = new Set<number>();
  let done = 0;
  const flush = () => {
    if (pending.length === 0) return;
    writer.batch(() => {
      for (const outcome of pending) {
        const id = applyOutcome(writer, byPath.get(outcome.path)!, outcome, summary, stored.has(outcome.path), resolveImports);
        if (id !== undefined) parsedIds.add(id);
      }
    });
    pending.length = 0;
  };
  const onOutcome = (outcome: ParseOutcome) => {
    if (outcome.status !== 'unchanged') parsedPaths.push(outcome.path);
    pending.push(outcome);
    done++;
    // Near the end, smaller writes: while this thread writes, the workers take more of the last files,
    // rather than waiting for it to write a large batch after the last parse.
    if (pending.length >= (jobs.length - done < endgameFiles ? endgameBatchSize : batchSize)) flush();
    stage.progress(done, jobs.length, outcome.path);
  };
  if (jobs.length > 0 && jobs.length <= inThreadLimit) {
    // A few changed files: parsing here is cheaper than starting worker threads.
    const { parseFile } = await import('../parse/parse-file.ts');
    for (const job of jobs) onOutcome(await parseFile(job));
    flush();
  } else if (jobs.length > 0) {
    const pool = await openPool();
    // Once the queue is empty, what arrived is written while the workers finish their last batches.
    await pool.parse(jobs, onOutcome, flush);
    flush();
    await pool.close();
  }
  stage.end('parse', `${summary.parsed} parsed, ${summary.unchanged} unchanged`);

  // What resolution reads besides the paths (package.json, go.mod, tsconfig.json): when one of them
  // changed, every import is resolved again, as a cold load would.
  const inputs = resolutionInputs(root, scan);
  const inputsChanged = !cold && readMeta(db, 'resolution_inputs') !== inputs;
  // A cold load resolved its imports as it wrote them.
  if (!cold && (jobs.length > 0 || removed.length > 0 || inputsChanged)) {
    stage.start('imports');
    // Only new facts bring unresolved imports when the paths stay the same. A path added or removed
    // can change where any import leads (a new `util.ts` takes `./util` from `util/index.ts`, a new
    // `cart/cart.go` stands for its Go package), as can a changed manifest or config: then every import
    // is resolved again, as a cold load would.
    const everything = removed.length > 0 || summary.added > 0 || inputsChanged;
    const resolved = transaction(db, () => {
      const count = resolveStoredImports(db, context(), everything ? undefined : parsedIds);
      writeMeta(db, 'resolution_inputs', inputs);
      return count;
    });
    stage.end('imports', `${resolved} imports resolved`);
  }
  if (cold) {
    transaction(db, () => writeMeta(db, 'resolution_inputs', inputs));
    stage.start('indexes');
    transaction(db, () => ensureFactIndexes(db));
    stage.end('indexes', 'built after the cold load');
  }
  for (const skip of scan.skipped) summary.skipped.push(skip);
  return [...removed, ...parsedPaths];
}

/**
 * The scan of the index's own file list with only `changed` looked at, or a full scan when the index
 * cannot vouch for them (see `changed-scan.ts`; the reason goes to the scan stage's detail).
 */
function changedScan(db: DatabaseSync, root: string, indexed: ReadonlyMap<string, IndexedFile>, changed: readonly string[]): Promise<ScanOutcome> {
  const record = { other: readMeta(db, 'other_files'), resolutionInputs: readMeta(db, 'resolution_inputs'), skipped: readMeta(db, 'scan_skipped') };
  const result = scanChangedPaths(root, indexed, record, changed);
  if ('scan' in result) return Promise.resolve(result.scan);
  return scanFiles(root).then((scan) => ({ ...scan, changedFallback: result.fallback }));
}

/** Keeps what a full scan found besides the files, so that a later run told what changed needs no scan. */
function recordScan(db: DatabaseSync, scan: ScanOutcome): void {
  const skipped = JSON.stringify(scan.skipped);
  if (readMeta(db, 'scan_skipped') !== skipped) transaction(db, () => writeMeta(db, 'scan_skipped', skipped));
}

/** Records the counts of files in other languages, for `stats`. */
function writeOtherFiles(db: DatabaseSync, other: Record<string, number>): void {
  const text = JSON.stringify(other);
  if (readMeta(db, 'other_files') !== text) transaction(db, () => writeMeta(db, 'other_files', text));
}

function countTotals(db: DatabaseSync, summary: IndexSummary): void {
  const count = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
  summary.symbols = count('SELECT count(*) AS n FROM symbols');
  // Each file's references are the ids refs_first..refs_last: summing the runs reads a row per file
  // instead of every reference.
  summary.references = count('SELECT coalesce(sum(refs_last - refs_first + 1), 0) AS n FROM files WHERE refs_first IS NOT NULL');
  summary.imports = count('SELECT count(*) AS n FROM imports');
  type LanguageRow = [language: string, files: number];
  const sql = "SELECT language, count(*) AS n FROM files WHERE status IN ('indexed', 'partial') GROUP BY language ORDER BY n DESC";
  for (const [language, files] of allRows<LanguageRow>(db.prepare(sql))) {
    summary.byLanguage[language] = Number(files);
    summary.files += Number(files);
  }
  for (const row of db.prepare("SELECT path, status, reason FROM files WHERE status IN ('skipped', 'partial') ORDER BY path").all() as {
    path: string;
    status: string;
    reason: string;
  }[]) {
    (row.status === 'skipped' ? summary.skipped : summary.partial).push({ path: row.path, reason: row.reason });
  }
}

function emptySummary(root: string): IndexSummary {
  return {
    root,
    files: 0,
    byLanguage: {},
    parsed: 0,
    unchanged: 0,
    added: 0,
    removed: 0,
    partial: [],
    skipped: [],
    unsupported: 0,
    symbols: 0,
    references: 0,
    imports: 0,
    history: { unavailable: 'not mined' },
    scan: '',
    milliseconds: 0,
    stages: {},
  };
}

/** Times stages and forwards progress. */
export interface StageTimer {
  start(stage: IndexStage): void;
  end(stage: IndexStage, detail: string): void;
  progress(done: number, total: number, path: string): void;
  warn(message: string): void;
}

function stageTimer(summary: IndexSummary, emit: IndexEventHandler): StageTimer {
  const starts = new Map<IndexStage, number>();
  return {
    start(stage) {
      starts.set(stage, performance.now());
      emit({ type: 'stage-start', stage });
    },
    end(stage, detail) {
      const milliseconds = Math.round(performance.now() - (starts.get(stage) ?? performance.now()));
      summary.stages[stage] = milliseconds;
      emit({ type: 'stage-end', stage, milliseconds, detail });
    },
    progress(done, total, path) {
      emit({ type: 'parse-progress', done, total, path });
    },
    warn(message) {
      emit({ type: 'warning', message });
    },
  };
}

function scanMethod(scan: ScanOutcome): string {
  const method = scan.fallback ? `walked: ${scan.fallback}` : { git: 'listed by git', walk: 'walked', changed: 'changed paths only' }[scan.method];
  return scan.changedFallback ? `${method}; all scanned: ${scan.changedFallback}` : method;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
