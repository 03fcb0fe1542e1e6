/** The repository an MCP server answers for: one read-only index connection shared by calls, built on first use, refreshed one run at a time. */
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { indexRepository, resolveRoot } from '../atlas/index/run-index.ts';
import type { IndexEvent } from '../atlas/index/events.ts';
import type { IndexSummary } from '../atlas/index/summary.ts';
import { databasePath, openIndex } from '../atlas/store/database.ts';
import { CodewrightError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { silentLogger } from '../core/logger.ts';

/** What a read saw besides its answer: a note when the index had to be built first. */
export interface ReadOutcome<T> {
  value: T;
  notes: string[];
}

/** Options of an index run started through MCP. */
export interface RefreshOptions {
  history?: boolean;
  onEvent?: (event: IndexEvent) => void;
  /** The files the caller changed (see IndexOptions.changedPaths): only they are looked at. */
  changedPaths?: readonly string[];
}

/** The repository behind one server: its root and its index. */
export interface McpRepository {
  readonly root: string;
  /** Runs read-only work on the index, building the index first when there is none. */
  read<T>(work: (db: DatabaseSync, root: string) => T | Promise<T>, options?: RefreshOptions): Promise<ReadOutcome<T>>;
  /** Brings the index up to date (incremental); concurrent calls share one run. */
  refresh(options?: RefreshOptions): Promise<IndexSummary>;
  close(): void;
}

interface Connection {
  db: DatabaseSync;
  identity: string;
  users: number;
  retired: boolean;
}

/** True when `root` is in a git work tree (a `.git` folder or file here or above). */
function inGitRepository(root: string): boolean {
  for (let folder = root; ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return true;
    if (dirname(folder) === folder) return false;
  }
}

function fileIdentity(path: string): string {
  const stats = statSync(path);
  return `${stats.dev}:${stats.ino}`;
}

/** Opens the repository at `path` for serving; nothing is read or built until the first call. */
export function openMcpRepository(path: string, options: { logger?: Logger } = {}): McpRepository {
  const root = resolveRoot(path);
  const logger = options.logger ?? silentLogger;
  let connection: Connection | undefined;
  let running: Promise<IndexSummary> | undefined;
  let building: Promise<string[]> | undefined;

  const release = (entry: Connection) => {
    entry.users--;
    if (entry.retired && entry.users === 0) entry.db.close();
  };
  const acquire = (): Connection => {
    const identity = fileIdentity(databasePath(root));
    if (!connection || connection.identity !== identity) {
      // The file was replaced (`index --rebuild`): new calls get a new connection, running ones finish on the old.
      if (connection) {
        connection.retired = true;
        if (connection.users === 0) connection.db.close();
      }
      connection = { db: openIndex(root, { writable: false }), identity, users: 0, retired: false };
    }
    connection.users++;
    return connection;
  };
  /** A folder that is neither indexed nor a repository is not indexed by accident (a server started in the home folder). */
  const assertIndexable = () => {
    if (existsSync(databasePath(root)) || inGitRepository(root)) return;
    throw new CodewrightError({
      code: 'NOT_INDEXED',
      message: `${root} is not a git repository and has no codewright index. Start the server in a repository (codewright mcp --root <repository>), or index this folder anyway from a shell: codewright index ${root}`,
      data: { root },
    });
  };
  /** One index run at a time; a run that starts without an index is the first build, which reads wait for. */
  const refresh = async (refreshOptions: RefreshOptions = {}): Promise<IndexSummary> => {
    assertIndexable();
    if (running) {
      // A run told its files may have listed the work tree before they changed: theirs runs next.
      if (!refreshOptions.changedPaths) return running;
      return running.catch(() => undefined).then(() => refresh(refreshOptions));
    }
    const first = !existsSync(databasePath(root));
    const changed = refreshOptions.changedPaths ? { changedPaths: refreshOptions.changedPaths } : {};
    const run = indexRepository(root, { history: refreshOptions.history !== false, logger, onEvent: refreshOptions.onEvent, ...changed }).finally(() => {
      running = undefined;
    });
    running = run;
    if (first) {
      building = run
        .then((summary) => [`The repository had no index: built it first (${summary.files} files, ${summary.symbols} symbols in ${(summary.milliseconds / 1000).toFixed(1)} s).`])
        .finally(() => {
          building = undefined;
        });
      // The failure reaches whoever awaits the run or the build; an unawaited copy must not crash the process.
      building.catch(() => undefined);
    }
    return run;
  };
  const ensureIndex = async (refreshOptions: RefreshOptions): Promise<string[]> => {
    // Calls that arrive during the first build wait for it rather than read a half-written index.
    if (building) return building;
    if (existsSync(databasePath(root))) return [];
    void refresh(refreshOptions).catch(() => undefined);
    if (!building) assertIndexable();
    return building ?? [];
  };

  return {
    root,
    async read(work, readOptions = {}) {
      const notes = await ensureIndex(readOptions);
      const entry = acquire();
      try {
        return { value: await work(entry.db, root), notes };
      } finally {
        release(entry);
      }
    },
    refresh,
    close() {
      if (connection && connection.users === 0) connection.db.close();
      connection = undefined;
    },
  };
}
