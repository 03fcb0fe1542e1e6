/** Gives a candidate worktree the world model at once: a copy of the user's index, brought up to date incrementally. */
import { existsSync, rmSync } from 'node:fs';
import { indexRepository } from '../../atlas/index/run-index.ts';
import type { IndexSummary } from '../../atlas/index/summary.ts';
import { databasePath, ensureDataDirectory, openIndex } from '../../atlas/store/database.ts';
import type { Logger } from '../../core/logger.ts';
import { silentLogger } from '../../core/logger.ts';

export interface WorkspaceIndexOptions {
  /** Parse threads (default: all cores). */
  threads?: number;
  logger?: Logger;
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/**
 * When the user's tree has `.codewright/index.db`, copies it into `worktree` (`VACUUM INTO`: a
 * consistent copy even while another process writes it) and indexes the worktree without
 * history (the copy keeps the user's); files whose hash is unchanged are not parsed again.
 * Returns the summary, or undefined when there was no index to copy or the copy failed (then
 * the worktree has no index, and a warning says why).
 */
export async function prepareWorkspaceIndex(repositoryRoot: string, worktree: string, options: WorkspaceIndexOptions = {}): Promise<IndexSummary | undefined> {
  const logger = options.logger ?? silentLogger;
  if (!existsSync(databasePath(repositoryRoot))) return undefined;
  const target = databasePath(worktree);
  try {
    ensureDataDirectory(worktree);
    removeDatabase(target);
    const source = openIndex(repositoryRoot, { writable: false });
    try {
      source.prepare('VACUUM INTO ?').run(target);
    } finally {
      source.close();
    }
    return await indexRepository(worktree, { history: false, logger, ...(options.threads ? { threads: options.threads } : {}) });
  } catch (error) {
    removeDatabase(target);
    logger.warn(`codewright: the candidate worktree ${worktree} has no code index (${error instanceof Error ? error.message : String(error)}); run \`codewright index\` to fix the user's index.`);
    return undefined;
  }
}
