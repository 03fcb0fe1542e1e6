/** Converting between absolute file names as TypeScript spells them and repository-relative paths. */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root as TypeScript will see it: absolute, real (no symlinks), `/` separators, no trailing `/`. */
export function normalizeRoot(root: string): string {
  const absolute = resolve(root);
  let real = absolute;
  try {
    real = realpathSync(absolute);
  } catch {
    // a missing root is reported by the caller
  }
  return real.replace(/\\/g, '/').replace(/\/+$/, '');
}

/** Repository-relative path of `fileName`, or undefined when it lies outside the repository or in node_modules. */
export function toRepositoryPath(root: string, fileName: string): string | undefined {
  const normalized = fileName.replace(/\\/g, '/');
  if (!normalized.startsWith(`${root}/`)) return undefined;
  const relative = normalized.slice(root.length + 1);
  if (relative.startsWith('node_modules/') || relative.includes('/node_modules/')) return undefined;
  return relative;
}

/** Absolute file name of a repository-relative path. */
export function toFileName(root: string, path: string): string {
  return `${root}/${path}`;
}
