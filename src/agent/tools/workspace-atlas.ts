/** The candidate worktree's own index for atlas queries: built when missing, brought up to date after edits. */
import { existsSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { indexRepository } from '../../atlas/index/run-index.ts';
import { databasePath, openIndex } from '../../atlas/store/database.ts';
import type { Logger } from '../../core/logger.ts';
import { silentLogger } from '../../core/logger.ts';

export interface WorkspaceAtlas {
  /**
   * Files changed: the next query indexes the worktree incrementally first, looking only at `paths`
   * (relative to the root) when every change since the last query named its files.
   */
  markChanged(paths?: readonly string[]): void;
  /** Runs `work` on a read-only connection to an index that includes every change marked so far. */
  query<T>(work: (db: DatabaseSync, root: string) => T | Promise<T>): Promise<T>;
}

/**
 * The index of `root` (`<root>/.codewright/index.db`). It is refreshed before the first query (the
 * worktree may have changed since its index was copied) and after every change; concurrent queries
 * share one refresh. Indexing skips history (a copied index keeps the user's) and logs nothing.
 */
export function createWorkspaceAtlas(root: string, logger: Logger = silentLogger): WorkspaceAtlas {
  let changes = 1;
  let indexed = 0;
  // The files changed since the last refresh began; undefined when some change did not say (the first
  // refresh, a command run): then the refresh scans the whole worktree.
  let changedPaths: Set<string> | undefined;
  let refreshing: Promise<void> | undefined;
  const refresh = async (): Promise<void> => {
    for (let attempt = 0; attempt < 3 && (indexed !== changes || !existsSync(databasePath(root))); attempt++) {
      const target = changes;
      if (!refreshing) logger.debug(`codewright: indexing ${root} before an atlas query`);
      const paths = refreshing ? undefined : changedPaths;
      if (!refreshing) changedPaths = new Set();
      refreshing ??= indexRepository(root, { history: false, logger: silentLogger, ...(paths ? { changedPaths: [...paths] } : {}) })
        .then(
          () => {
            indexed = target;
          },
          (error: unknown) => {
            // The paths this run was to look at are not indexed: the next run scans everything.
            changedPaths = undefined;
            throw error;
          },
        )
        .finally(() => {
          refreshing = undefined;
        });
      await refreshing;
    }
  };
  return {
    markChanged(paths) {
      changes++;
      if (!paths) changedPaths = undefined;
      else for (const path of paths) changedPaths?.add(path);
    },
    async query(work) {
      await refresh();
      const db = openIndex(root, { writable: false });
      try {
        return await work(db, root);
      } finally {
        db.close();
      }
    },
  };
}
