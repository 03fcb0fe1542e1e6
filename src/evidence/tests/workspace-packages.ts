/** Finds the npm packages of a repository (workspaces), for resolving imports between them by name. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseJson } from '../../core/result.ts';

async function packageName(path: string): Promise<string | undefined> {
  const parsed = parseJson(await readFile(path, 'utf8').catch(() => ''));
  if (!parsed.success || typeof parsed.value !== 'object' || parsed.value === null) return undefined;
  const name = (parsed.value as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** Package name -> its folder (`''` for the root), from the package.json files among `files` (at most 200). */
export async function workspacePackages(dir: string, files: readonly string[]): Promise<Map<string, string>> {
  const packages = new Map<string, string>();
  for (const manifest of files.filter((path) => path === 'package.json' || path.endsWith('/package.json')).slice(0, 200)) {
    const name = await packageName(join(dir, manifest));
    if (name) packages.set(name, manifest.includes('/') ? manifest.slice(0, manifest.lastIndexOf('/')) : '');
  }
  return packages;
}
