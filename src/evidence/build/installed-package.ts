/** Finds a package as a project has it installed (node_modules up the tree) and its binaries. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseJson } from '../../core/result.ts';

/** An installed package: its folder, name, version and binaries. */
export interface InstalledPackage {
  name: string;
  version: string;
  /** Absolute folder of the package. */
  dir: string;
  /** Absolute path of the binary `name` declares, if any. */
  bin(name: string): string | undefined;
}

/** Reads `<dir>/package.json` into an InstalledPackage; undefined when missing or not JSON. */
export function readInstalledPackage(dir: string): InstalledPackage | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, 'package.json'), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseJson(text);
  if (!parsed.success || typeof parsed.value !== 'object' || parsed.value === null) return undefined;
  const manifest = parsed.value as { name?: unknown; version?: unknown; bin?: unknown };
  const name = typeof manifest.name === 'string' ? manifest.name : '';
  return {
    name,
    version: typeof manifest.version === 'string' ? manifest.version : 'unknown',
    dir,
    bin(binary) {
      const bin = manifest.bin;
      const relative = typeof bin === 'string' ? (binary === name.replace(/^@[^/]+\//, '') ? bin : undefined) : typeof bin === 'object' && bin !== null ? (bin as Record<string, unknown>)[binary] : undefined;
      return typeof relative === 'string' ? join(dir, relative) : undefined;
    },
  };
}

/**
 * The package `name` as installed for code in `fromDir`: the first `node_modules/<name>` up the tree,
 * stopping after `stopDir` (the worktree root) so that nothing outside the project is picked up.
 */
export function findInstalledPackage(fromDir: string, name: string, stopDir: string): InstalledPackage | undefined {
  const stop = resolve(stopDir);
  let folder = resolve(fromDir);
  for (;;) {
    const candidate = join(folder, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return readInstalledPackage(candidate);
    if (folder === stop) return undefined;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** The package `name` as codewright itself has it installed, for when a project has none. */
export function codewrightPackage(name: string): InstalledPackage | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve(`${name}/package.json`);
    return readInstalledPackage(dirname(manifest));
  } catch {
    return undefined;
  }
}
