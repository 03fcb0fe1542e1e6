/** What import resolution reads besides the paths: the manifests (package.json, go.mod, Cargo.toml) and the script configs. */
import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { createRequire } from 'node:module';
import type * as Toml from 'smol-toml';
import { parseJson } from '../../core/result.ts';
import type { ScanOutcome } from '../scan/scan-files.ts';
import { createResolutionContext, goModulePath } from './resolve-imports.ts';
import type { ResolutionContext, RustCrates } from './resolve-imports.ts';
import { scriptConfigsIn } from './script-configs.ts';

// Loaded on first use: most runs read no Cargo.toml, and every module loaded delays the start of indexing.
let toml: typeof Toml | undefined;
function parseToml(text: string): Record<string, unknown> {
  toml ??= createRequire(import.meta.url)('smol-toml') as typeof Toml;
  return toml.parse(text);
}

/** The manifests of the scan named `name` (`package.json`, `go.mod`, `Cargo.toml`). */
function named(manifests: readonly string[], name: string): string[] {
  return manifests.filter((manifest) => manifest === name || manifest.endsWith(`/${name}`));
}

function readManifest(root: string, path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}

/** The folder of a manifest path ('' at the root). */
function manifestFolder(path: string, name: string): string {
  return path.slice(0, -name.length).replace(/\/$/, '');
}

/** npm workspace package name -> folder, from the package.json files. */
function workspacePackages(root: string, manifests: readonly string[]): Map<string, string> {
  const packages = new Map<string, string>();
  for (const manifest of named(manifests, 'package.json')) {
    const text = readManifest(root, manifest);
    if (text === undefined) continue;
    const parsed = parseJson(text);
    const name = parsed.success ? (parsed.value as { name?: unknown } | null)?.name : undefined;
    if (typeof name === 'string') packages.set(name, manifestFolder(manifest, 'package.json'));
  }
  return packages;
}

/** Go module path -> folder, from the go.mod files. */
function goModules(root: string, manifests: readonly string[]): Map<string, string> {
  const modules = new Map<string, string>();
  for (const manifest of named(manifests, 'go.mod')) {
    const text = readManifest(root, manifest);
    const path = text === undefined ? undefined : goModulePath(text);
    if (path !== undefined && !modules.has(path)) modules.set(path, manifestFolder(manifest, 'go.mod'));
  }
  return modules;
}

/** Rust crates by name (a package's name with `-` as `_`, or its `[lib] name`) -> folder of the lib root, from the Cargo.toml files. */
function rustCrates(root: string, manifests: readonly string[]): RustCrates {
  const crates = new Map<string, string>();
  const folders = new Set<string>();
  for (const manifest of named(manifests, 'Cargo.toml')) {
    const folder = manifestFolder(manifest, 'Cargo.toml');
    folders.add(folder);
    const text = readManifest(root, manifest);
    let parsed: Record<string, unknown>;
    try {
      parsed = text === undefined ? {} : parseToml(text);
    } catch {
      continue; // not TOML: the crate stays unknown
    }
    const table = (key: string) => (parsed[key] !== null && typeof parsed[key] === 'object' ? (parsed[key] as Record<string, unknown>) : {});
    const name = table('lib').name ?? table('package').name;
    if (typeof name !== 'string') continue;
    const libPath = typeof table('lib').path === 'string' ? (table('lib').path as string) : 'src/lib.rs';
    const libFolder = posix.dirname(posix.normalize(posix.join(folder, libPath)));
    if (!crates.has(name.replaceAll('-', '_'))) crates.set(name.replaceAll('-', '_'), libFolder === '.' ? '' : libFolder);
  }
  return { crates, folders };
}

/** The manifests and configs import resolution reads, with their sizes and modification times, as one string. */
export function resolutionInputs(root: string, scan: ScanOutcome): string {
  const entries = [...scan.manifests, ...scan.configs].sort().map((path) => {
    const stats = statSync(join(root, path), { throwIfNoEntry: false });
    return [path, stats?.size ?? -1, Math.trunc(stats?.mtimeMs ?? 0)];
  });
  return JSON.stringify(entries);
}

/** The resolution context of a scanned repository: its paths, and its manifests and configs read on first use. */
export function repositoryResolutionContext(root: string, scan: ScanOutcome): ResolutionContext {
  return createResolutionContext(
    scan.files.map((file) => file.path),
    () => workspacePackages(root, scan.manifests),
    () => goModules(root, scan.manifests),
    scriptConfigsIn(root, scan.configs),
    () => rustCrates(root, scan.manifests),
  );
}
