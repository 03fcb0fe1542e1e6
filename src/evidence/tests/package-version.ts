/** The installed version of an npm package, for choosing options a runner version supports. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseJson } from '../../core/result.ts';
import { locatePackage } from './locate-package.ts';

/** [major, minor] of package `name` seen from `dir`, or undefined when it is not installed. */
export async function packageVersion(dir: string, name: string): Promise<[number, number] | undefined> {
  const folder = await locatePackage(dir, name);
  if (folder === undefined) return undefined;
  const parsed = parseJson(await readFile(join(folder, 'package.json'), 'utf8').catch(() => ''));
  const version = parsed.success ? (parsed.value as { version?: unknown }).version : undefined;
  const match = typeof version === 'string' ? /^(\d+)\.(\d+)/.exec(version) : null;
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** True when `version` is at least `major.minor`. */
export function atLeast(version: [number, number] | undefined, major: number, minor: number): boolean {
  return version !== undefined && (version[0] > major || (version[0] === major && version[1] >= minor));
}
