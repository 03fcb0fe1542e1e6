/** Keeps tsc's diagnostics at a base commit in `.codewright/cache/`, so that checking against the same commit again type-checks the change only. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDirectory, ensureDataDirectory } from '../../atlas/store/database.ts';
import type { Logger } from '../../core/logger.ts';
import { ok, readJsonObject, type Result } from '../../core/result.ts';
import type { TypeDiagnostic } from './tsc-output.ts';

/** Bumped when the entry format or what a run stores changes; older entries are then ignored. */
const entryVersion = 1;

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
}

const commitId = /^([0-9a-f]{40}|[0-9a-f]{64})$/;

/** `<root>/.codewright/cache/tsc-base`. */
export function baseCacheDirectory(root: string): string {
  return join(dataDirectory(root), 'cache', 'tsc-base');
}

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

/** Writes a temporary file beside the entry and renames it over, so that readers never see half an entry. */
function writeEntry(root: string, path: string, key: BaseCacheKey, diagnostics: TypeDiagnostic[]): void {
  ensureDataDirectory(root);
  mkdirSync(baseCacheDirectory(root), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify({ version: entryVersion, key, diagnostics }));
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The commit id to key on, or undefined when `base` is not a full commit id (a branch name could move). */
export function cacheableCommit(base: string): string | undefined {
  return commitId.test(base) ? base : undefined;
}

/**
 * The base diagnostics for `key` from the cache, else from `run`, stored when it completed (a failed run,
 * such as a timeout or a crash of tsc, is returned and not stored). With no key, `run` alone.
 * A cache that cannot be written only costs the next check its time: the failure is logged at debug level.
 */
export async function cachedBaseDiagnostics(
  root: string,
  key: BaseCacheKey | undefined,
  run: () => Promise<Result<TypeDiagnostic[], string>>,
  logger: Logger,
): Promise<Result<BaseDiagnostics, string>> {
  const path = key ? entryPath(root, key) : undefined;
  const stored = key && path ? readEntry(path, key) : undefined;
  if (stored) return ok({ diagnostics: stored, fromCache: true });
  const result = await run();
  if (!result.success) return result;
  if (key && path) {
    try {
      writeEntry(root, path, key, result.value);
    } catch (error) {
      logger.debug(`codewright: could not cache the base type-check in ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return ok({ diagnostics: result.value, fromCache: false });
}
