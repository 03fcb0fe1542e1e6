/** Whether a commit's declared dependencies are the ones installed: mining links the repository's node_modules into old commits. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseJson } from '../../core/result.ts';

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  const parsed = text === undefined ? undefined : parseJson(text);
  return parsed?.success && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Record<string, unknown>) : undefined;
}

function entries(value: unknown): [string, string][] {
  return typeof value === 'object' && value !== null ? Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string') : [];
}

/** The major (or `0.minor`) a caret, tilde or exact range pins; undefined for ranges that do not pin one (`>=1`, `*`, tags, URLs). */
function pinnedLine(range: string): string | undefined {
  const match = /^\s*[\^~]?=?v?(\d+)(?:\.(\d+|x|\*))?/.exec(range);
  if (!match || /\|\||\s-\s|>|</.test(range)) return undefined;
  return match[1] === '0' && match[2] !== undefined && /^\d+$/.test(match[2]) ? `0.${match[2]}` : match[1];
}

function installedLine(version: string): string | undefined {
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (!match) return undefined;
  return match[1] === '0' ? `0.${match[2]}` : match[1];
}

/**
 * Runtime dependencies of the package.json in `dir` (and `extra` development dependencies, such as the
 * test runner) whose installed copy under `dir/node_modules` is missing or of another major version.
 * Empty when the folder has no package.json or no node_modules.
 */
export async function dependencyMismatches(dir: string, extra: readonly string[] = []): Promise<string[]> {
  const manifest = await readJson(join(dir, 'package.json'));
  if (!manifest) return [];
  const wanted = [...entries(manifest.dependencies), ...entries(manifest.devDependencies).filter(([name]) => extra.includes(name))];
  const mismatches: string[] = [];
  for (const [name, range] of wanted) {
    const line = pinnedLine(range);
    if (line === undefined) continue;
    const installed = await readJson(join(dir, 'node_modules', name, 'package.json'));
    const version = typeof installed?.version === 'string' ? installed.version : undefined;
    if (version === undefined) mismatches.push(`${name} ${range} (not installed)`);
    else if (installedLine(version) !== line) mismatches.push(`${name} ${range} (${version} installed)`);
  }
  return mismatches;
}
