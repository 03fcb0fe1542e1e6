/** Test helper: a byte-exact fingerprint of a repository's files, its git index and refs. */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

function walk(root: string, folder: string, into: Map<string, string>, skip: (path: string) => boolean): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    const name = relative(root, path);
    if (skip(name)) continue;
    if (entry.isDirectory()) walk(root, path, into, skip);
    else {
      const content = entry.isSymbolicLink() ? `link:${readlinkSync(path)}` : readFileSync(path);
      into.set(name, `${lstatSync(path).mode.toString(8)}:${createHash('sha1').update(content).digest('hex')}`);
    }
  }
}

/**
 * Every file of the working tree (content and mode; `.codewright/` excluded) plus `.git/index`,
 * `.git/HEAD` and `.git/refs`: equal maps mean nothing the user owns was written.
 */
export function hashTree(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  walk(root, root, hashes, (path) => path === '.codewright' || (path.startsWith('.git/') && !/^\.git\/(index|HEAD|refs)(\/.*)?$/.test(path)));
  return hashes;
}
