/** The files a candidate's diff touches: all of them, the ones it creates and the ones it deletes. */
import { CodewrightError } from '../../core/errors.ts';
import { parseDiff } from '../../evidence/change/parse-diff.ts';

/** Paths relative to the repository's top level, sorted. */
export interface DiffFiles {
  paths: string[];
  created: string[];
  deleted: string[];
}

function unsafe(path: string): boolean {
  const parts = path.split('/');
  return path.startsWith('/') || parts.includes('..') || parts.includes('') || parts[0] === '.git';
}

/**
 * Reads the paths of a git diff. Throws INVALID_ARGUMENT naming `source` when the diff is damaged
 * or names a path outside the repository (absolute, `..`, `.git/`).
 */
export function diffFiles(diff: string, source: string): DiffFiles {
  const parsed = parseDiff(diff);
  if (!parsed.success) {
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `${source} is not a diff codewright can apply: ${parsed.error.message}`, data: { source, ...parsed.error } });
  }
  const paths = new Set<string>();
  const created = new Set<string>();
  const deleted = new Set<string>();
  for (const file of parsed.value.files) {
    if (file.oldPath !== null) paths.add(file.oldPath);
    if (file.newPath !== null) paths.add(file.newPath);
    if (file.kind === 'added' && file.newPath !== null) created.add(file.newPath);
    if (file.kind === 'deleted' && file.oldPath !== null) deleted.add(file.oldPath);
  }
  const outside = [...paths].filter(unsafe);
  if (outside.length > 0) {
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `${source} names paths outside the repository (${outside.join(', ')}); it was not made by codewright. Nothing was applied.`, data: { source, paths: outside } });
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return { paths: sorted(paths), created: sorted(created), deleted: sorted(deleted) };
}
