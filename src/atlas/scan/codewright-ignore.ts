/** The `.codewrightignore` files of a git listing, applied as the folder walk applies them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore from 'ignore';
import { isIgnored } from './ignore-rules.ts';
import type { IgnoreLevel } from './ignore-rules.ts';

/** Reads the `.codewrightignore` files at `bases` (folders relative to the root, '' for the root). */
export function readCodewrightLevels(root: string, bases: Iterable<string>): IgnoreLevel[] {
  const levels: IgnoreLevel[] = [];
  for (const base of [...bases].sort()) {
    let text: string;
    try {
      text = readFileSync(join(root, base, '.codewrightignore'), 'utf8');
    } catch {
      continue;
    }
    levels.push({ base, matcher: ignore({ allowRelativePaths: true }).add(text) });
  }
  return levels;
}

function applicable(levels: readonly IgnoreLevel[], path: string): IgnoreLevel[] {
  return levels.filter((level) => level.base === '' || path.startsWith(`${level.base}/`));
}

/** True when a `.codewrightignore` above `path` ignores it or one of its folders. */
export function ignoredByCodewright(levels: readonly IgnoreLevel[], path: string): boolean {
  const above = applicable(levels, path);
  if (above.length === 0) return false;
  // Folders first, as the walk prunes them.
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
    const folder = path.slice(0, slash + 1);
    if (isIgnored(applicable(above, folder), folder)) return true;
  }
  return isIgnored(above, path);
}
