/** Keeps tsc's diagnostics at a base commit in `.codewright/cache/`, so that checking against the same commit again type-checks the change only. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { dataDirectory, ensureDataDirectory } from '../../atlas/store/database.ts';
import type { Logger } from '../../core/logger.ts';
import { pruneCache } from '../../core/prune-cache.ts';
import { ok, readJsonObject, type Result } from '../../core/result.ts';
import { writeFileAtomic } from '../../core/write-atomic.ts';
import type { TypeDiagnostic } from './tsc-output.ts';

/** Entries kept (one per commit, tsconfig, compiler and arguments): older ones are removed after each write. */
export const keptBaseEntries = 64;

/** Bumped when the entry format or what a run stores changes; older entries are then ignored. */
const entryVersion = 2;

/** Everything that decides the base diagnostics besides the files of the commit. */
export interface BaseCacheKey {
  /** The full id of the base commit: the base worktree is a clean checkout of it. */
  commit: string;
  /** Repository-relative tsconfig path. */
  config: string;
  typescript: { version: string; source: 'project' | 'codewright' };
  /** tsc's arguments after the script (mode, config, flags). */
  arguments: string[];
  /** dependencyFingerprint of the user's tree. */
  dependencies: string;
}

/** Base diagnostics, worktree-independent (`withoutWorktree`), and whether they came from the cache. */
export interface BaseDiagnostics {
  diagnostics: TypeDiagnostic[];
  fromCache: boolean;
  /** tsc's incremental state after the base build, kept beside the entry, when the run left one. */
  buildInfo?: string;
}

const commitId = /^([0-9a-f]{40}|[0-9a-f]{64})$/;

/** `<root>/.codewright/cache/tsc-base`. */
export function baseCacheDirectory(root: string): string {
  return join(dataDirectory(root), 'cache', 'tsc-base');
}

/** Where the entry keeps tsc's incremental state of the base build. */
const buildInfoOf = (entry: string) => entry.replace(/\.json$/, '.tsbuildinfo');

function entryPath(root: string, key: BaseCacheKey): string {
  return join(baseCacheDirectory(root), `${createHash('sha256').update(JSON.stringify(key)).digest('hex')}.json`);
}

function isDiagnostic(value: unknown): value is TypeDiagnostic {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.path === 'string' &&
    typeof item.line === 'number' &&
    typeof item.column === 'number' &&
    typeof item.code === 'string' &&
    (item.category === 'error' || item.category === 'warning' || item.category === 'message') &&
    typeof item.message === 'string'
  );
}

/** The stored diagnostics for `key`; undefined when absent, unreadable, corrupt, of another format or for another key. */
function readEntry(path: string, key: BaseCacheKey): TypeDiagnostic[] | undefined {
  const entry = readJsonObject(path) as { version?: unknown; key?: unknown; diagnostics?: unknown } | undefined;
  if (!entry) return undefined;
  if (entry.version !== entryVersion || JSON.stringify(entry.key) !== JSON.stringify(key)) return undefined;
  if (!Array.isArray(entry.diagnostics) || !entry.diagnostics.every(isDiagnostic)) return undefined;
  return entry.diagnostics;
}

/** Stores the state first: an entry found by a reader always has the state its run left. */
function writeEntry(root: string, path: string, key: BaseCacheKey, diagnostics: TypeDiagnostic[], buildInfo: string | undefined): void {
  ensureDataDirectory(root);
  mkdirSync(baseCacheDirectory(root), { recursive: true });
  if (buildInfo && existsSync(buildInfo)) writeFileAtomic(buildInfoOf(path), readFileSync(buildInfo));
  else rmSync(buildInfoOf(path), { force: true });
  writeFileAtomic(path, JSON.stringify({ version: entryVersion, key, diagnostics }));
  pruneCache(baseCacheDirectory(root), keptBaseEntries);
}

/** The commit id to key on, or undefined when `base` is not a full commit id (a branch name could move). */
export function cacheableCommit(base: string): string | undefined {
  return commitId.test(base) ? base : undefined;
}

/**
 * The base diagnostics for `key` from the cache, else from `run`, stored when it completed (a failed run,
 * such as a timeout or a crash of tsc, is returned and not stored) with the incremental state the run left at
 * `buildInfo`, if any. With no key, `run` alone. A cache that cannot be written only costs the next check its
 * time: the failure is logged at debug level.
 */
export async function cachedBaseDiagnostics(
  root: string,
  key: BaseCacheKey | undefined,
  run: () => Promise<Result<TypeDiagnostic[], string>>,
  logger: Logger,
  buildInfo?: string,
): Promise<Result<BaseDiagnostics, string>> {
  const path = key ? entryPath(root, key) : undefined;
  const stored = key && path ? readEntry(path, key) : undefined;
  if (stored && path) return ok({ diagnostics: stored, fromCache: true, ...(existsSync(buildInfoOf(path)) ? { buildInfo: buildInfoOf(path) } : {}) });
  const result = await run();
  if (!result.success) return result;
  const fresh = { diagnostics: result.value, fromCache: false, ...(buildInfo && existsSync(buildInfo) ? { buildInfo } : {}) };
  if (key && path) {
    try {
      writeEntry(root, path, key, result.value, buildInfo);
    } catch (error) {
      logger.debug(`codewright: could not cache the base type-check in ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return ok(fresh);
}
