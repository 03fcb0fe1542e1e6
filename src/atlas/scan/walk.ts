/** Lists a repository's files by walking its folders, respecting ignore files, without following symlinks. */
import { readdirSync, realpathSync, statSync, lstatSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import { languageOf } from '../languages.ts';
import { describeSymlink } from './describe-symlink.ts';
import { alwaysIgnoredDirectories, isIgnored, readIgnoreLevel } from './ignore-rules.ts';
import type { IgnoreLevel } from './ignore-rules.ts';
import { emptyScanResult, recordOtherFile } from './scan-result.ts';
import type { ScanResult } from './scan-result.ts';

export type { ScannedFile, ScanResult, ScanSkip } from './scan-result.ts';

/** Walks `root` depth-first, sorted by name, and returns files and skipped entries. */
export function scanRepository(root: string): ScanResult {
  const result = emptyScanResult();
  const { files, skipped } = result;
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
        skipped.push({ path, reason: describeSymlink(realRoot, absolutePath, ancestors) });
      } else if (entry.isFile()) {
        if (isIgnored(active, path)) continue;
        const language = languageOf(path);
        if (!language) {
          recordOtherFile(result, path, entry.name);
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
  return result;
}
