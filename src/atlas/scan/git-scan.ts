/** Turns git's listing of a work tree into the same ScanResult a folder walk gives, stat'ing only what it must. */
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok } from '../../core/result.ts';
import type { Result } from '../../core/result.ts';
import { fileKindOf, languageOf } from '../languages.ts';
import { alwaysIgnoredDirectories } from './always-ignored.ts';
import { describeSymlink } from './describe-symlink.ts';
import { lstatIfPresent } from './git-listing.ts';
import type { GitEntry } from './git-listing.ts';
import { emptyScanResult } from './scan-result.ts';
import type { ScannedFile, ScanResult, ScanSkip } from './scan-result.ts';

const symlinkMode = 0o120000;
const submoduleMode = 0o160000;
const fileTypeMask = 0o170000;

/** The walk's order: depth-first with names sorted, i.e. by UTF-16 code units with '/' before all others. */
function compareWalkOrder(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const left = a.charCodeAt(index);
    const right = b.charCodeAt(index);
    if (left !== right) return left === 47 ? -1 : right === 47 ? 1 : left - right;
  }
  return a.length - b.length;
}

function inAlwaysIgnoredDirectory(path: string): boolean {
  let start = 0;
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', start)) {
    if (alwaysIgnoredDirectories.has(path.slice(start, slash))) return true;
    start = slash + 1;
  }
  return false;
}

/** Folders (relative to the root) that hold a `.codewrightignore`; the root's is looked for in any case. */
export function codewrightIgnoreBases(root: string, entries: readonly GitEntry[]): Set<string> {
  const bases = new Set<string>();
  for (const { path } of entries) {
    if (path === '.codewrightignore') bases.add('');
    else if (path.endsWith('/.codewrightignore')) bases.add(path.slice(0, -'/.codewrightignore'.length));
  }
  if (!bases.has('') && existsSync(join(root, '.codewrightignore'))) bases.add('');
  return bases;
}

function ancestorsOf(realRoot: string, path: string): Set<string> {
  const ancestors = new Set([realRoot]);
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) ancestors.add(join(realRoot, path.slice(0, slash)));
  return ancestors;
}

/** Files whose content the index reads besides the parseable ones: checked to exist, listed in order. */
function readByIndex(name: string): 'manifests' | 'configs' | undefined {
  if (name === 'package.json' || name === 'go.mod' || name === 'Cargo.toml') return 'manifests';
  return /^(?:tsconfig|jsconfig)[^/]*\.json$/i.test(name) ? 'configs' : undefined;
}

/** What the result lists, found in git's order; put in the walk's order at the end. */
type Found =
  | { key: string; list: 'files'; file: ScannedFile }
  | { key: string; list: 'skipped'; skip: ScanSkip }
  | { key: string; list: 'manifests' | 'configs'; path: string };

/** Counts of other files by kind, and each kind's first path in the walk's order (the walk's key order). */
class OtherFiles {
  readonly #kinds = new Map<string, { count: number; first: string }>();

  add(path: string): void {
    const kind = fileKindOf(path);
    const known = this.#kinds.get(kind);
    if (!known) this.#kinds.set(kind, { count: 1, first: path });
    else {
      known.count++;
      if (compareWalkOrder(path, known.first) < 0) known.first = path;
    }
  }

  counts(): Record<string, number> {
    const ordered = [...this.#kinds].sort((a, b) => compareWalkOrder(a[1].first, b[1].first));
    return Object.fromEntries(ordered.map(([kind, { count }]) => [kind, count]));
  }
}

/**
 * Builds the scan of `root` from git's entries, as the folder walk would find it with two
 * differences: tracked files that an ignore rule matches are kept (see `listGitFiles`), and a
 * tracked file of another language deleted from the work tree but not from git's index is still
 * counted in `other` until the deletion is committed or staged. Parseable files (and manifests and
 * configs) are lstat'ed, which also finds symlinks; other files only when git cannot vouch for
 * them. Fails, so that the caller walks instead, on a nested repository or a submodule.
 */
export function scanFromGitEntries(
  root: string,
  entries: readonly GitEntry[],
  /** True for paths a `.codewrightignore` excludes (see `codewright-ignore.ts`). */
  excluded?: (path: string) => boolean,
): Result<ScanResult, string> {
  const realRoot = realpathSync(root);
  const prefix = join(root, '/');
  const found: Found[] = [];
  const other = new OtherFiles();
  for (const entry of entries) {
    const { path, mode } = entry;
    if (path.endsWith('/')) return fail(`${path} is a nested repository`);
    if (mode !== undefined && (mode & fileTypeMask) === submoduleMode) return fail(`${path} is a submodule`);
    if (inAlwaysIgnoredDirectory(path)) continue;
    if (excluded?.(path)) continue;
    const name = path.slice(path.lastIndexOf('/') + 1);
    const language = languageOf(path);
    const list = language ? undefined : readByIndex(name);
    const maybeLink = entry.unverified || mode === undefined || (mode & fileTypeMask) === symlinkMode;
    if (!language && !list && !maybeLink) {
      other.add(path);
      continue;
    }
    const absolutePath = prefix + path;
    const stats = lstatIfPresent(absolutePath);
    // Gone since git listed it (or never checked out): the walk would not see it either.
    if (!stats) continue;
    const key = path.replaceAll('/', '\u0000');
    if (stats.isSymbolicLink()) {
      found.push({ key, list: 'skipped', skip: { path, reason: describeSymlink(realRoot, absolutePath, ancestorsOf(realRoot, path)) } });
    } else if (stats.isDirectory()) {
      return fail(`${path} is a folder in the work tree but a file to git`);
    } else if (!stats.isFile()) {
      continue;
    } else if (language) {
      found.push({ key, list: 'files', file: { path, absolutePath, size: stats.size, mtimeMs: Math.trunc(stats.mtimeMs), language } });
    } else {
      other.add(path);
      if (list) found.push({ key, list, path });
    }
  }
  // Keys with '/' replaced by NUL sort in the walk's order with the plain comparison.
  found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const result = emptyScanResult();
  for (const item of found) {
    if (item.list === 'files') result.files.push(item.file);
    else if (item.list === 'skipped') result.skipped.push(item.skip);
    else result[item.list].push(item.path);
  }
  result.other = other.counts();
  return ok(result);
}
