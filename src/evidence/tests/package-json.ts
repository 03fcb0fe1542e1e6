/** Reads a package.json without trusting it: only the fields runner detection needs, typed. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseJson } from '../../core/result.ts';

/** The parts of a package.json that tell which test runner a project uses. */
export interface PackageManifest {
  scripts: Record<string, string>;
  dependencies: Set<string>;
  /** Top-level keys (`jest`, `mocha` hold runner configs). */
  keys: Set<string>;
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The manifest of `dir/package.json`, or undefined when there is none or it is not JSON. */
export async function readPackageManifest(dir: string): Promise<PackageManifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, 'package.json'), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseJson(text);
  if (!parsed.success || typeof parsed.value !== 'object' || parsed.value === null) return undefined;
  const json = parsed.value as Record<string, unknown>;
  const dependencies = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
    for (const name of Object.keys(stringRecord(json[field]))) dependencies.add(name);
  }
  return { scripts: stringRecord(json.scripts), dependencies, keys: new Set(Object.keys(json)) };
}
