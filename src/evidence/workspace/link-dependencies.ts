/** Makes installed dependencies (node_modules, Python virtualenvs) of the user's tree usable in a worktree without copying. */
import { lstatSync, mkdirSync, readdirSync, realpathSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const virtualenvNames = ['.venv', 'venv'];
const skippedFolders = new Set(['.git', '.codewright', 'node_modules']);
// Caches that tools write into node_modules: each worktree gets its own.
const unsharedEntries = new Set(['.cache', '.vite', '.vitest', '.tmp']);

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function subfolders(topLevel: string, relativePath: string): string[] {
  try {
    return readdirSync(join(topLevel, relativePath), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !skippedFolders.has(entry.name) && !entry.name.startsWith('.'))
      .map((entry) => (relativePath === '' ? entry.name : `${relativePath}/${entry.name}`));
  } catch {
    return [];
  }
}

/**
 * The dependency folders of the user's tree, relative to `topLevel`: `node_modules` at the top
 * and one or two levels down (workspace packages such as `packages/a/node_modules`), and Python
 * virtualenvs (`.venv`, `venv`) at the top and one level down.
 */
export function findDependencyFolders(topLevel: string): string[] {
  const first = subfolders(topLevel, '');
  const second = first.flatMap((folder) => subfolders(topLevel, folder));
  const found: string[] = [];
  for (const folder of ['', ...first, ...second]) {
    const prefix = folder === '' ? '' : `${folder}/`;
    if (isDirectory(join(topLevel, prefix, 'node_modules'))) found.push(`${prefix}node_modules`);
    if (folder.includes('/')) continue;
    for (const name of virtualenvNames) if (isDirectory(join(topLevel, prefix, name, 'bin')) || isDirectory(join(topLevel, prefix, name, 'Scripts'))) found.push(`${prefix}${name}`);
  }
  return found;
}

// A workspace package linked into node_modules (`node_modules/pkg -> ../packages/pkg`) must point at the worktree's copy.
function linkTarget(topLevel: string, worktree: string, entry: string): string {
  if (!lstatSync(entry).isSymbolicLink()) return entry;
  let real: string;
  try {
    real = realpathSync(entry);
  } catch {
    return entry;
  }
  const inside = relative(realpathSync(topLevel), real);
  if (inside.startsWith('..') || inside.split(sep).includes('node_modules')) return entry;
  const copy = join(worktree, inside);
  return statSync(copy, { throwIfNoEntry: false }) ? copy : entry;
}

function linkNodeModules(topLevel: string, worktree: string, folder: string): void {
  const source = join(topLevel, folder);
  mkdirSync(join(worktree, folder));
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    if (unsharedEntries.has(entry.name)) continue;
    const from = join(source, entry.name);
    const to = join(worktree, folder, entry.name);
    if (entry.name.startsWith('@') && entry.isDirectory()) {
      mkdirSync(to);
      for (const scoped of readdirSync(from)) symlinkSync(linkTarget(topLevel, worktree, join(from, scoped)), join(to, scoped));
    } else {
      symlinkSync(linkTarget(topLevel, worktree, from), to);
    }
  }
}

/**
 * Makes each of `folders` (from findDependencyFolders) available at the same place in
 * `worktree`, unless the worktree already has it or lacks its parent folder: a virtualenv as a
 * symlink; a `node_modules` as a real folder of symlinks to each package, so that workspace
 * packages resolve to the worktree's own copy and tool caches stay in the worktree.
 * Returns the relative paths it created; remove them with `rmSync` (it does not follow symlinks).
 */
export function linkDependencies(topLevel: string, worktree: string, folders: readonly string[]): string[] {
  const created: string[] = [];
  for (const folder of folders) {
    const target = join(worktree, folder);
    if (lstatSync(target, { throwIfNoEntry: false }) || !isDirectory(dirname(target))) continue;
    if (folder === 'node_modules' || folder.endsWith('/node_modules')) linkNodeModules(topLevel, worktree, folder);
    else symlinkSync(join(topLevel, folder), target, 'dir');
    created.push(folder);
  }
  return created;
}
