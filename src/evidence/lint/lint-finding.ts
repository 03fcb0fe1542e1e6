/** What a linter reports, the same for every linter: place, rule, message and severity. */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';

/** One lint message in one worktree. */
export interface LintFinding {
  path: string;
  line: number;
  column: number;
  /** Rule id; `parse` for fatal parse errors that have none. */
  rule: string;
  message: string;
  severity: 'error' | 'warning';
  /** Rule and message: what makes a finding the same in both worktrees. */
  key: string;
}

/** Builds a finding, keyed by rule and message. */
export function lintFinding(fields: Omit<LintFinding, 'key'>): LintFinding {
  return { ...fields, key: `${fields.rule}\u0000${fields.message}` };
}

/** A repository-relative `/` path for a file name a linter printed (absolute or relative to `dir`). */
export function toRelativePath(dir: string, fileName: string): string {
  if (!isAbsolute(fileName)) return fileName.replace(/\\/g, '/').replace(/^\.\//, '');
  let real = fileName;
  let realDir = dir;
  try {
    real = realpathSync(fileName);
    realDir = realpathSync(dir);
  } catch {
    // keep the names as printed
  }
  return relative(realDir, real).replace(/\\/g, '/');
}
