/** Lists a repository's files, respecting ignore files, without following symlinks. */
import { readdirSync, realpathSync, statSync, lstatSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Language } from '../../core/types.ts';
import { fileKindOf, languageOf } from '../languages.ts';
import { alwaysIgnoredDirectories, isIgnored, readIgnoreLevel } from './ignore-rules.ts';
import type { IgnoreLevel } from './ignore-rules.ts';

/** A file found by the scan. */
export interface ScannedFile {
  /** Relative to the root, with '/' separators. */
  path: string;
  absolutePath: string;
  size: number;
  mtimeMs: number;
  language: Language;
}

/** An entry the scan did not take, with the reason. */
export interface ScanSkip {
  path: string;
  reason: string;
}

export interface ScanResult {
  /** Files in a language codewright parses. */
  files: ScannedFile[];
  skipped: ScanSkip[];
  /** Other files, counted by extension (`md`, `json`, ...) but not read or stat'ed. */
  other: Record<string, number>;
  /** Paths of the `package.json` files found (npm workspace packages). */
  manifests: string[];
  /** Paths of the `tsconfig*.json` and `jsconfig*.json` files found. */
  configs: string[];
}

function describeSymlink(root: string, realRoot: string, absolutePath: string, ancestors: Set<string>): string {
  let target: string;
  try {
    target = realpathSync(absolutePath);
  } catch {
    return 'broken symlink';
  }
  if (ancestors.has(target)) return 'symlink loop (not followed)';
  const inside = target === realRoot || target.startsWith(realRoot + sep);
  if (!inside) return 'symlink leading outside the repository (not followed)';
  return `symlink to ${relative(realRoot, target).split(sep).join('/') || '.'} (not followed; its target is indexed)`;
}

/** Walks `root` depth-first, sorted by name, and returns files and skipped entries. */
export function scanRepository(root: string): ScanResult {
  const files: ScannedFile[] = [];
  const skipped: ScanSkip[] = [];
  const other: Record<string, number> = {};
  const manifests: string[] = [];
  const configs: string[] = [];
  const realRoot = realpathSync(root);
  const visit = (directory: string, base: string, levels: IgnoreLevel[], ancestors: Set<string>) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: base || '.', reason: `unreadable directory (${(error as NodeJS.ErrnoException).code})` });
      return;
    }
    const level = readIgnoreLevel(root, directory, base, new Set(entries.map((entry) => entry.name)));
    const active = level ? [...levels, level] : levels;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = base ? `${base}/${entry.name}` : entry.name;
      const absolutePath = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (alwaysIgnoredDirectories.has(entry.name) || isIgnored(active, `${path}/`)) continue;
        const real = join(realRoot, path);
        visit(absolutePath, path, active, new Set([...ancestors, real]));
      } else if (entry.isSymbolicLink()) {
        if (isIgnored(active, path)) continue;
        skipped.push({ path, reason: describeSymlink(root, realRoot, absolutePath, ancestors) });
      } else if (entry.isFile()) {
        if (isIgnored(active, path)) continue;
        const language = languageOf(path);
        if (!language) {
          if (entry.name === 'package.json') manifests.push(path);
          else if (/^(?:tsconfig|jsconfig)[^/]*\.json$/i.test(entry.name)) configs.push(path);
          const kind = fileKindOf(path);
          other[kind] = (other[kind] ?? 0) + 1;
          continue;
        }
        let stats;
        try {
          stats = statSync(absolutePath);
        } catch (error) {
          skipped.push({ path, reason: `unreadable (${(error as NodeJS.ErrnoException).code})` });
          continue;
        }
        files.push({ path, absolutePath, size: stats.size, mtimeMs: Math.trunc(stats.mtimeMs), language });
      }
    }
  };
  const rootStats = lstatSync(root);
  visit(root, '', [], new Set([rootStats.isSymbolicLink() ? realRoot : join(realRoot)]));
  return { files, skipped, other, manifests, configs };
}
