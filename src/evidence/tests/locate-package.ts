/** Finds an installed npm package the way Node does: in node_modules of the folder or any parent. */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseJson } from '../../core/result.ts';

/** The folder of package `name` seen from `dir`, or undefined when it is not installed. */
export async function locatePackage(dir: string, name: string): Promise<string | undefined> {
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, 'node_modules', name);
    try {
      await readFile(join(candidate, 'package.json'));
      return candidate;
    } catch {
      // not here; look further up
    }
    if (dirname(current) === current) return undefined;
  }
}

/** The entry script of the package's command `command` (its `bin` field), or undefined. */
export async function locatePackageBin(dir: string, name: string, command = name): Promise<string | undefined> {
  const folder = await locatePackage(dir, name);
  if (folder === undefined) return undefined;
  const parsed = parseJson(await readFile(join(folder, 'package.json'), 'utf8'));
  if (!parsed.success || typeof parsed.value !== 'object' || parsed.value === null) return undefined;
  const bin = (parsed.value as { bin?: unknown }).bin;
  const relative = typeof bin === 'string' ? bin : typeof bin === 'object' && bin !== null ? (bin as Record<string, unknown>)[command] : undefined;
  return typeof relative === 'string' ? join(folder, relative) : undefined;
}
