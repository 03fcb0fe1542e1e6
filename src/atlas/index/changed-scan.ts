/**
 * A scan that trusts the caller to name what changed (a file watcher, an editor saving files): the
 * index's own file list stands for the work tree, and only the named paths are looked at. Anything
 * the index cannot vouch for sends the run back to a full scan.
 */
import { lstatSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import type { Language } from '../../core/types.ts';
import type { ScanOutcome } from '../scan/scan-files.ts';
import type { ScanSkip, ScannedFile } from '../scan/scan-result.ts';

/** A file as the index holds it (keyed by its path). */
export interface IndexedFile {
  language: Language;
  size: number;
  mtimeMs: number;
}

/** What the last full scan left in `meta`, besides the files. */
export interface ScanRecord {
  /** `other_files`: counts of files in other languages by kind. */
  other: string | undefined;
  /** `resolution_inputs`: the manifests and configs, with their sizes and times. */
  resolutionInputs: string | undefined;
  /** `scan_skipped`: the entries the scan skipped, with reasons. */
  skipped: string | undefined;
}

/** More named paths than this: a full scan costs about the same and trusts nobody. */
export const changedPathsLimit = 1000;

const manifestNames = new Set(['package.json', 'go.mod', 'Cargo.toml']);
const ignoreFiles = new Set(['.gitignore', '.codewrightignore']);

/**
 * The scan of `root` when only `changed` (paths relative to `root`, or absolute inside it) may differ
 * from what the index holds, or the reason a full scan is needed instead: a named path the index does
 * not hold (a new file, a folder, a file in another language), an ignore file, a symbolic link, a
 * removed manifest, a load that stopped midway, or an index without the last scan's record.
 */
export function scanChangedPaths(
  root: string,
  indexed: ReadonlyMap<string, IndexedFile>,
  record: ScanRecord,
  changed: readonly string[],
): { scan: ScanOutcome } | { fallback: string } {
  if (changed.length > changedPathsLimit) return { fallback: `more than ${changedPathsLimit} changed paths` };
  if (indexed.size === 0) return { fallback: 'the index is empty' };
  if (record.other === undefined || record.resolutionInputs === undefined || record.skipped === undefined) {
    return { fallback: 'the index has no record of its last full scan' };
  }
  for (const file of indexed.values()) {
    // A placeholder of a load that stopped midway: only a full scan picks those up.
    if (file.size < 0) return { fallback: 'the last run stopped before it finished' };
  }
  const inputs = JSON.parse(record.resolutionInputs) as [path: string, size: number, mtime: number][];
  const manifests: string[] = [];
  const configs: string[] = [];
  for (const [path] of inputs) (manifestNames.has(posix.basename(path)) ? manifests : configs).push(path);
  const known = new Set([...manifests, ...configs]);
  const fresh = new Map<string, ScannedFile | null>();
  for (const name of changed) {
    const path = repositoryPath(root, name);
    if (path === undefined) return { fallback: `${name} is outside the repository` };
    if (path === '') return { fallback: 'the repository folder itself changed' };
    if (path === '.git/info/exclude' || ignoreFiles.has(posix.basename(path))) return { fallback: `${path} changed the ignore rules` };
    if (/^(?:\.git|\.codewright)(?:\/|$)/.test(path)) continue;
    const stats = lstatSync(join(root, path), { throwIfNoEntry: false });
    const file = indexed.get(path);
    if (known.has(path)) {
      // Import resolution stats every manifest and config again; only a removal changes the lists.
      if (!stats?.isFile()) return { fallback: `${path} was removed` };
      continue;
    }
    if (!file) return { fallback: `${path} is not in the index` };
    if (!stats) {
      fresh.set(path, null);
    } else if (stats.isFile()) {
      // Whole milliseconds, as the full scan stores them.
      fresh.set(path, { path, absolutePath: join(root, path), size: stats.size, mtimeMs: Math.trunc(stats.mtimeMs), language: file.language });
    } else {
      return { fallback: `${path} is no longer a regular file` };
    }
  }
  const files: ScannedFile[] = [];
  // `join` normalises each path again: thousands of times, that is most of this function.
  const prefix = root.endsWith(sep) ? root : root + sep;
  for (const [path, file] of indexed) {
    const update = fresh.get(path);
    if (update === null) continue; // removed
    files.push(update ?? { path, absolutePath: prefix + path, size: file.size, mtimeMs: file.mtimeMs, language: file.language });
  }
  const scan: ScanOutcome = {
    files,
    skipped: JSON.parse(record.skipped) as ScanSkip[],
    other: JSON.parse(record.other) as Record<string, number>,
    manifests,
    configs,
    method: 'changed',
  };
  return { scan };
}

/** `name` relative to `root` with '/' separators, '' for the root, or undefined outside it. */
function repositoryPath(root: string, name: string): string | undefined {
  const native = relative(root, isAbsolute(name) ? name : join(root, name));
  const path = sep === '/' ? native : native.split(sep).join('/');
  if (path === '..' || path.startsWith('../') || isAbsolute(native)) return undefined;
  return path;
}
