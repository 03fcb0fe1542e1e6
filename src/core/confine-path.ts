/** Keeps a path given by a user, a client or a model inside a root folder, also through symbolic links. */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** Where a path leads: inside the root (with its absolute and root-relative forms), outside it, or outside through a symbolic link. */
export type ConfinedPath =
  | { status: 'inside'; absolute: string; relative: string }
  | { status: 'outside' }
  | { status: 'link-outside'; relative: string };

/** Whether `child` is `parent` or below it (lexically). */
export function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path));
}

/** `path` with the symbolic links of its deepest existing ancestor resolved (itself when it exists). */
export function realExisting(path: string): string {
  let current = path;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return resolve(realpathSync(current), relative(current, path));
}

/**
 * Resolves `input` (relative to `root`, or absolute) and says whether it stays inside `root`: `..` and
 * absolute paths elsewhere are `outside`; a path whose symbolic links lead elsewhere is `link-outside`.
 * The relative form uses `/` and is '' for the root itself.
 */
export function confinePath(root: string, input: string): ConfinedPath {
  const absolute = resolve(root, input);
  if (!isInside(root, absolute)) return { status: 'outside' };
  const relativePath = relative(root, absolute).split(sep).join('/');
  // A symlink inside the tree may point anywhere: judge where it really leads.
  if (!isInside(realExisting(root), realExisting(absolute))) return { status: 'link-outside', relative: relativePath };
  return { status: 'inside', absolute, relative: relativePath };
}
