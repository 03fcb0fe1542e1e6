/** What tsconfig.json and jsconfig.json files say about bare import specifiers: `baseUrl` and `paths`. */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';

// Loaded on first use: runs that read no tsconfig.json never load it.
let jsonc: typeof Jsonc | undefined;
function parse(...args: Parameters<typeof Jsonc.parse>): unknown {
  jsonc ??= createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc;
  return jsonc.parse(...args);
}

/** One `compilerOptions.paths` pattern, its targets as repository paths (each with the pattern's `*`, if any). */
export interface PathPattern {
  prefix: string;
  /** The text after the `*`; undefined for a pattern without one (matched exactly). */
  suffix: string | undefined;
  targets: string[];
}

/** The options of a config that resolve bare specifiers, with paths relative to the repository root. */
export interface ScriptConfig {
  /** `compilerOptions.baseUrl` as a repository folder ('' for the root), when set. */
  baseUrl?: string;
  /** `compilerOptions.paths`, exact patterns first, then by longest prefix (the order TypeScript tries them). */
  paths: PathPattern[];
}

/** How many `extends` a config may chain (TypeScript has no limit; a cycle must end somewhere). */
const maxExtends = 8;

interface RawOptions {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  /** Folder of the config that set `baseUrl` / `paths`: their relative paths start there. */
  baseUrlFrom?: string;
  pathsFrom?: string;
}

function readConfig(root: string, path: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
  // Most configs are plain JSON, which JSON.parse reads faster and without loading the JSONC parser.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = parse(text, [], { allowTrailingComma: true, disallowComments: false });
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A repository path for `relative` seen from `folder`, or undefined when it leaves the repository. */
function inRepository(folder: string, relative: string): string | undefined {
  const joined = posix.normalize(posix.join(folder, relative)).replace(/\/$/, '');
  if (joined === '.') return '';
  return joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined) ? undefined : joined;
}

/** The options of the config at `path` merged over those of the configs it extends (relative `extends` only). */
function rawOptions(root: string, path: string, depth = 0): RawOptions {
  const config = readConfig(root, path);
  if (!config) return {};
  const folder = posix.dirname(path) === '.' ? '' : posix.dirname(path);
  let inherited: RawOptions = {};
  const extended = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
  if (depth < maxExtends) {
    for (const entry of extended) {
      // A package's config (`@tsconfig/node20`) lives in node_modules, which is not indexed.
      if (typeof entry !== 'string' || !entry.startsWith('.')) continue;
      const target = inRepository(folder, entry);
      if (target === undefined) continue;
      const file = target.endsWith('.json') ? target : `${target}.json`;
      inherited = { ...inherited, ...definedOnly(rawOptions(root, file, depth + 1)) };
    }
  }
  const options = config.compilerOptions;
  const own: RawOptions = {};
  if (options !== null && typeof options === 'object' && !Array.isArray(options)) {
    const { baseUrl, paths } = options as { baseUrl?: unknown; paths?: unknown };
    if (typeof baseUrl === 'string') Object.assign(own, { baseUrl, baseUrlFrom: folder });
    if (paths !== null && typeof paths === 'object' && !Array.isArray(paths)) {
      const valid = Object.entries(paths as Record<string, unknown>).filter((entry): entry is [string, string[]] =>
        Array.isArray(entry[1]) && entry[1].every((target) => typeof target === 'string'),
      );
      Object.assign(own, { paths: Object.fromEntries(valid), pathsFrom: folder });
    }
  }
  return { ...inherited, ...definedOnly(own) };
}

function definedOnly(options: RawOptions): RawOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as RawOptions;
}

/** The config at `path` (a tsconfig.json or jsconfig.json of the repository) as repository paths. */
export function readScriptConfig(root: string, path: string): ScriptConfig {
  const raw = rawOptions(root, path);
  const baseUrl = raw.baseUrl !== undefined ? inRepository(raw.baseUrlFrom ?? '', raw.baseUrl) : undefined;
  // Targets start at baseUrl when there is one, else at the folder of the config that set `paths`.
  const targetsFrom = baseUrl ?? raw.pathsFrom ?? '';
  const paths: PathPattern[] = [];
  for (const [pattern, targets] of Object.entries(raw.paths ?? {})) {
    const star = pattern.indexOf('*');
    if (star !== pattern.lastIndexOf('*')) continue; // more than one `*` is an error to TypeScript too
    const resolved = targets.flatMap((target) => inRepository(targetsFrom, target) ?? []);
    if (resolved.length === 0) continue;
    paths.push(star < 0 ? { prefix: pattern, suffix: undefined, targets: resolved } : { prefix: pattern.slice(0, star), suffix: pattern.slice(star + 1), targets: resolved });
  }
  paths.sort((a, b) => (a.suffix === undefined ? 0 : 1) - (b.suffix === undefined ? 0 : 1) || b.prefix.length - a.prefix.length);
  return baseUrl === undefined ? { paths } : { baseUrl, paths };
}

/**
 * The config each folder has itself: its `tsconfig.json` (else its `jsconfig.json`) among `configs`,
 * read on first use; undefined for a folder without one. Other names (`tsconfig.build.json`) only
 * count through `extends`, as in an editor. A config without `baseUrl` or `paths` still counts: it
 * hides farther ones, since TypeScript reads only the nearest.
 */
export function scriptConfigsIn(root: string, configs: readonly string[]): (folder: string) => ScriptConfig | undefined {
  const byFolder = new Map<string, string>();
  for (const path of configs) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (name !== 'tsconfig.json' && name !== 'jsconfig.json') continue;
    const folder = path.slice(0, Math.max(0, path.length - name.length - 1));
    if (name === 'tsconfig.json' || !byFolder.has(folder)) byFolder.set(folder, path);
  }
  const read = new Map<string, ScriptConfig>();
  return (folder) => {
    const path = byFolder.get(folder);
    if (path === undefined) return undefined;
    let config = read.get(folder);
    if (!config) read.set(folder, (config = readScriptConfig(root, path)));
    return config;
  };
}

/** The candidates for `specifier` under a config's `paths`, in the order TypeScript tries them. */
export function pathCandidates(config: ScriptConfig, specifier: string): string[] {
  for (const pattern of config.paths) {
    if (pattern.suffix === undefined) {
      if (specifier === pattern.prefix) return pattern.targets;
      continue;
    }
    if (specifier.length < pattern.prefix.length + pattern.suffix.length) continue;
    if (!specifier.startsWith(pattern.prefix) || !specifier.endsWith(pattern.suffix)) continue;
    const matched = specifier.slice(pattern.prefix.length, specifier.length - pattern.suffix.length);
    return pattern.targets.map((target) => target.replace('*', matched));
  }
  return [];
}
