/** Lists a repository's files: from git when the root is a work tree's top level, else by walking its folders. */
import { listGitFiles } from './git-listing.ts';
import type { GitEntry } from './git-listing.ts';
import { codewrightIgnoreBases, scanFromGitEntries } from './git-scan.ts';
import type { ScanResult } from './scan-result.ts';

/** A scan and how it was made. */
export interface ScanOutcome extends ScanResult {
  /** `changed`: the index's file list, with only the paths a caller named looked at (see `index/changed-scan.ts`). */
  method: 'git' | 'walk' | 'changed';
  /** Why git was not used, when it was tried. */
  fallback?: string;
  /** Why a run told the changed paths scanned everything (see `index/changed-scan.ts`). */
  changedFallback?: string;
}

/** Options for `scanFiles`. */
export interface ScanFilesOptions {
  /** Ask git for the file list (default true); false always walks. */
  git?: boolean;
}

async function walk(root: string): Promise<ScanResult> {
  const { scanRepository } = await import('./walk.ts');
  return scanRepository(root);
}

async function codewrightExclusions(root: string, entries: readonly GitEntry[]): Promise<((path: string) => boolean) | undefined> {
  const bases = codewrightIgnoreBases(root, entries);
  if (bases.size === 0) return undefined;
  const { ignoredByCodewright, readCodewrightLevels } = await import('./codewright-ignore.ts');
  const levels = readCodewrightLevels(root, bases);
  return (path) => ignoredByCodewright(levels, path);
}

/**
 * Scans `root`. Git lists a work tree in a fraction of the time a walk takes (it matches ignore
 * rules in C, and this process then stats only the files it parses), so it is asked first; the
 * walk is the fallback when git is missing or fails, `root` is not a work tree's top level, or
 * there are submodules or nested repositories. Both give the same result but for tracked files
 * that an ignore rule matches (git keeps them: see `git-listing.ts` and `git-scan.ts`).
 */
export async function scanFiles(root: string, options: ScanFilesOptions = {}): Promise<ScanOutcome> {
  if (options.git === false) return { ...(await walk(root)), method: 'walk' };
  const listing = await listGitFiles(root);
  const scan = listing.success ? scanFromGitEntries(root, listing.value, await codewrightExclusions(root, listing.value)) : listing;
  if (scan.success) return { ...scan.value, method: 'git' };
  return { ...(await walk(root)), method: 'walk', fallback: scan.error };
}
