/** A hash of what the user's tree has installed, which a commit id does not pin: lockfiles of the tree and the install records in node_modules. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDependencyFolders } from '../workspace/index.ts';

/** Lockfiles, beside each node_modules folder: an install from an edited lockfile changes what tsc reads. */
const lockfiles = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb'];

/** What npm, yarn (berry and classic) and pnpm write inside node_modules on every install that changes it. */
const installRecords = ['.package-lock.json', '.yarn-state.yml', '.yarn-integrity', '.modules.yaml', '.pnpm/lock.yaml'];

function readIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The sha256 of the lockfiles and install records of `root` (the user's tree, whose node_modules
 * folders every check links into its worktrees), by relative path. package.json files are left out:
 * the base worktree reads the committed ones, and an edit in the tree reaches tsc only through an
 * install, which rewrites the lockfile and the install record. A hand edit inside node_modules is not seen.
 */
export function dependencyFingerprint(root: string): string {
  const folders = findDependencyFolders(root).filter((folder) => folder === 'node_modules' || folder.endsWith('/node_modules'));
  const parents = new Set(['', ...folders.map((folder) => folder.slice(0, -'node_modules'.length))]);
  const files = [...[...parents].flatMap((parent) => lockfiles.map((name) => `${parent}${name}`)), ...folders.flatMap((folder) => installRecords.map((name) => `${folder}/${name}`))];
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    const content = readIfPresent(join(root, file));
    if (content) hash.update(`${file}\u0000${createHash('sha256').update(content).digest('hex')}\n`);
  }
  return hash.digest('hex');
}
