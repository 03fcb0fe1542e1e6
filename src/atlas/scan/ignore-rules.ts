/** The ignore rules of one directory level: .gitignore, .codewrightignore and built-in ones. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';

export { alwaysIgnoredDirectories } from './always-ignored.ts';

/** The ignore matcher of a directory, with its path relative to the root ('' for the root). */
export interface IgnoreLevel {
  base: string;
  matcher: Ignore;
}

function readRules(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Reads the ignore files of `directory` (absolute) whose path relative to the root is `base`;
 * `names` (the directory's entries) avoids probing for files that are not there.
 */
export function readIgnoreLevel(root: string, directory: string, base: string, names: ReadonlySet<string>): IgnoreLevel | undefined {
  const texts = ['.gitignore', '.codewrightignore'].map((name) => (names.has(name) ? readRules(join(directory, name)) : undefined));
  if (base === '') texts.push(readRules(join(root, '.git', 'info', 'exclude')));
  const present = texts.filter((text): text is string => text !== undefined);
  if (present.length === 0) return undefined;
  const matcher = ignore({ allowRelativePaths: true });
  for (const text of present) matcher.add(text);
  return { base, matcher };
}

/** True when any level ignores `path` (relative to the root; directories end with '/'). */
export function isIgnored(levels: readonly IgnoreLevel[], path: string): boolean {
  for (const level of levels) {
    const relative = level.base === '' ? path : path.slice(level.base.length + 1);
    if (relative && level.matcher.ignores(relative)) return true;
  }
  return false;
}
