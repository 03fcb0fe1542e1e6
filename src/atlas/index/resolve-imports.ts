/** Resolves import specifiers to files of the repository, per language conventions. */
import { posix } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { FileFacts } from '../facts.ts';
import { isTestPath } from '../languages.ts';
import { allRows } from '../store/database.ts';
import { pathCandidates } from './script-configs.ts';
import type { ScriptConfig } from './script-configs.ts';

const scriptExtensions = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** What resolution needs to know about the repository's files. */
export interface ResolutionContext {
  readonly paths: ReadonlySet<string>;
  /** npm workspace package name -> its folder ('' for the root). */
  readonly packages: ReadonlyMap<string, string>;
  /** Every path by each of its suffixes of whole segments, for languages that import by qualified name. */
  readonly bySuffix: ReadonlyMap<string, string[]>;
  /** Go module path (the `module` line of a go.mod) -> the go.mod's folder ('' for the root). */
  readonly goModules: ReadonlyMap<string, string>;
  /** Go package folders -> the file that stands for the package (see `goPackageFile`). */
  readonly goPackages: ReadonlyMap<string, string>;
  /** The last one, two and three segments of each Go package folder -> those folders. */
  readonly goPackagesBySuffix: ReadonlyMap<string, string[]>;
  /** The tsconfig.json (or jsconfig.json) nearest to a file, by the file's folder; undefined for none. */
  scriptConfigFor(folder: string): ScriptConfig | undefined;
  /** Rust crates of the repository: crate name (`-` as `_`) -> the folder of its root file (lib.rs). */
  readonly rustCrates: ReadonlyMap<string, string>;
  /** Folders with a Cargo.toml ('' for the root). */
  readonly cargoFolders: ReadonlySet<string>;
}

/** What the Cargo.toml files of a repository say: crate names and the folders with a manifest. */
export interface RustCrates {
  crates: ReadonlyMap<string, string>;
  folders: ReadonlySet<string>;
}

function suffixIndex(paths: Iterable<string>, segments = Number.POSITIVE_INFINITY): Map<string, string[]> {
  const bySuffix = new Map<string, string[]>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let start = Math.max(0, parts.length - segments); start < parts.length; start++) {
      const suffix = parts.slice(start).join('/');
      const list = bySuffix.get(suffix);
      if (list) list.push(path);
      else bySuffix.set(suffix, [path]);
    }
  }
  return bySuffix;
}

/**
 * The file an import of a Go package resolves to, among the package folder's `.go` files: the one
 * named after the folder, else `doc.go`, else the first file that is not a test (by name), else the first.
 */
function goPackageFile(folder: string, files: string[]): string {
  const name = folder.slice(folder.lastIndexOf('/') + 1);
  const sorted = [...files].sort();
  const prefix = folder ? `${folder}/` : '';
  return (
    sorted.find((file) => file === `${prefix}${name}.go`) ??
    sorted.find((file) => file === `${prefix}doc.go`) ??
    sorted.find((file) => !file.endsWith('_test.go')) ??
    sorted[0]!
  );
}

function goPackageIndex(paths: ReadonlySet<string>): Map<string, string> {
  const byFolder = new Map<string, string[]>();
  for (const path of paths) {
    if (!path.endsWith('.go')) continue;
    const slash = path.lastIndexOf('/');
    const folder = slash < 0 ? '' : path.slice(0, slash);
    const files = byFolder.get(folder);
    if (files) files.push(path);
    else byFolder.set(folder, [path]);
  }
  return new Map([...byFolder].map(([folder, files]) => [folder, goPackageFile(folder, files)]));
}

type Lazy<T> = T | (() => T);

/** Files that no import finds by path suffix (script imports are relative or by package, Go's by folder). */
const byRelativeOrModule = /\.(?:[cm]?[jt]sx?|go)$/;

/**
 * Builds the context from every indexed path, the package.json names, the go.mod module paths and
 * the tsconfig.json / jsconfig.json files found. The indexes, and the packages and modules when given
 * as functions, are built on first use: resolving the imports of one changed TypeScript file needs
 * none of them, usually.
 */
export function createResolutionContext(
  paths: Iterable<string>,
  packages: Lazy<ReadonlyMap<string, string>>,
  goModules: Lazy<ReadonlyMap<string, string>> = new Map(),
  /** The tsconfig.json (or jsconfig.json) a folder has itself, if any (see `scriptConfigsIn`). */
  scriptConfigIn: (folder: string) => ScriptConfig | undefined = () => undefined,
  rustCrates: Lazy<RustCrates> = { crates: new Map(), folders: new Set() },
): ResolutionContext {
  const set = new Set(paths);
  let packageMap = typeof packages === 'function' ? undefined : packages;
  let moduleMap = typeof goModules === 'function' ? undefined : goModules;
  let bySuffix: Map<string, string[]> | undefined;
  let goPackages: Map<string, string> | undefined;
  let goPackagesBySuffix: Map<string, string[]> | undefined;
  let crates = typeof rustCrates === 'function' ? undefined : rustCrates;
  const nearestConfig = new Map<string, ScriptConfig | undefined>();
  const configFor = (folder: string): ScriptConfig | undefined => {
    if (nearestConfig.has(folder)) return nearestConfig.get(folder);
    const config = scriptConfigIn(folder) ?? (folder === '' ? undefined : configFor(folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : ''));
    nearestConfig.set(folder, config);
    return config;
  };
  const context: ResolutionContext = {
    paths: set,
    get packages() {
      return (packageMap ??= (packages as () => ReadonlyMap<string, string>)());
    },
    get goModules() {
      return (moduleMap ??= (goModules as () => ReadonlyMap<string, string>)());
    },
    get bySuffix() {
      return (bySuffix ??= suffixIndex([...set].filter((path) => !byRelativeOrModule.test(path))));
    },
    get goPackages() {
      return (goPackages ??= goPackageIndex(set));
    },
    get goPackagesBySuffix() {
      return (goPackagesBySuffix ??= suffixIndex([...context.goPackages.keys()].filter(Boolean), 3));
    },
    scriptConfigFor: configFor,
    get rustCrates() {
      return (crates ??= (rustCrates as () => RustCrates)()).crates;
    },
    get cargoFolders() {
      return (crates ??= (rustCrates as () => RustCrates)()).folders;
    },
  };
  return context;
}

/** The module path of a go.mod's text (its `module` directive), or undefined. */
export function goModulePath(text: string): string | undefined {
  const match = /^\s*module\s+(?:"([^"]+)"|`([^`]+)`|([^\s/][^\s]*))/m.exec(text.replace(/\/\/.*$/gm, ''));
  return match?.[1] ?? match?.[2] ?? match?.[3];
}

function tryScript(context: ResolutionContext, base: string): string | undefined {
  if (context.paths.has(base)) return base;
  const withoutJs = base.replace(/\.(m|c)?jsx?$/, '');
  for (const stem of withoutJs === base ? [base] : [withoutJs, base]) {
    for (const extension of scriptExtensions) if (context.paths.has(stem + extension)) return stem + extension;
  }
  for (const extension of scriptExtensions) {
    const index = `${base}/index${extension}`;
    if (context.paths.has(index)) return index;
  }
  return undefined;
}

/**
 * A bare specifier, as TypeScript resolves it: the nearest tsconfig.json's `paths`, then its
 * `baseUrl`, then the npm workspace packages (which npm links into node_modules).
 */
function resolveScript(context: ResolutionContext, from: string, source: string): string | undefined {
  const folder = posix.dirname(from);
  if (source.startsWith('.')) return tryScript(context, posix.normalize(posix.join(folder, source)));
  const config = context.scriptConfigFor(folder === '.' ? '' : folder);
  if (config) {
    for (const candidate of pathCandidates(config, source)) {
      const found = tryScript(context, candidate);
      if (found !== undefined) return found;
    }
    if (config.baseUrl !== undefined) {
      const found = tryScript(context, config.baseUrl ? `${config.baseUrl}/${source}` : source);
      if (found !== undefined) return found;
    }
  }
  const parts = source.split('/');
  const name = source.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  const packageFolder = context.packages.get(name);
  if (packageFolder === undefined) return undefined;
  const rest = parts.slice(source.startsWith('@') ? 2 : 1).join('/');
  const join = (...segments: string[]) => segments.filter(Boolean).join('/');
  if (rest) return tryScript(context, join(packageFolder, 'src', rest)) ?? tryScript(context, join(packageFolder, rest));
  return tryScript(context, join(packageFolder, 'src', 'index')) ?? tryScript(context, join(packageFolder, 'index'));
}

function bySuffix(context: ResolutionContext, suffix: string): string | undefined {
  const matches = context.bySuffix.get(suffix);
  return matches && matches.length === 1 ? matches[0] : matches?.sort((a, b) => a.length - b.length)[0];
}

/**
 * A Python module at the top level of a source root: the file's folder above the module's path must
 * not be a package itself (no `__init__.py`), or `typing` would resolve to `src/flask/typing.py`,
 * which Python knows as `flask.typing`. Files outside tests win, then the shortest path.
 */
function topLevelPython(context: ResolutionContext, dotted: string): string | undefined {
  const found: string[] = [];
  for (const suffix of [`${dotted}.py`, `${dotted}/__init__.py`]) {
    for (const path of context.bySuffix.get(suffix) ?? []) {
      const root = path.slice(0, Math.max(0, path.length - suffix.length - 1));
      if (root === '' || !context.paths.has(`${root}/__init__.py`)) found.push(path);
    }
  }
  const rank = (path: string) => (isTestPath(path) ? 1 : 0);
  return found.sort((a, b) => rank(a) - rank(b) || a.length - b.length || (a < b ? -1 : 1))[0];
}

function resolvePythonModule(context: ResolutionContext, from: string, source: string): string | undefined {
  const leading = /^\.+/.exec(source)?.[0].length ?? 0;
  const dotted = source.slice(leading).split('.').filter(Boolean).join('/');
  if (leading > 0) {
    let directory = posix.dirname(from);
    for (let up = 1; up < leading; up++) directory = posix.dirname(directory);
    const base = dotted ? posix.join(directory, dotted) : directory;
    for (const candidate of [`${base}.py`, `${base}/__init__.py`]) if (context.paths.has(candidate)) return candidate;
    return undefined;
  }
  return dotted ? topLevelPython(context, dotted) : undefined;
}

/** `from package import module` resolves to the module's file when there is one, else to the package's. */
function resolvePython(context: ResolutionContext, from: string, source: string, importedName: string | undefined): string | undefined {
  if (importedName && importedName !== '*') {
    const submodule = resolvePythonModule(context, from, source.endsWith('.') ? source + importedName : `${source}.${importedName}`);
    if (submodule !== undefined) return submodule;
  }
  return resolvePythonModule(context, from, source);
}

function parentFolder(folder: string): string {
  const slash = folder.lastIndexOf('/');
  return slash < 0 ? '' : folder.slice(0, slash);
}

function inFolder(folder: string, name: string): string {
  return folder ? `${folder}/${name}` : name;
}

function hasRustRootFile(context: ResolutionContext, folder: string): boolean {
  return context.paths.has(inFolder(folder, 'lib.rs')) || context.paths.has(inFolder(folder, 'main.rs'));
}

/**
 * The folder of the root file of the crate `from` belongs to: the nearest folder up with a `lib.rs` or
 * `main.rs`; a file of a folder without one, below a Cargo.toml (`tests/`, `benches/`, `examples/`),
 * belongs to a crate rooted in that folder.
 */
function rustCrateRoot(context: ResolutionContext, from: string): string {
  let child = parentFolder(from);
  for (let folder = child; ; child = folder, folder = parentFolder(folder)) {
    if (hasRustRootFile(context, folder)) return folder;
    if (context.cargoFolders.has(folder)) return folder === parentFolder(from) ? folder : child;
    if (folder === '') return parentFolder(from);
  }
}

/** The folder holding the submodules of the module that `from` is (`a/b.rs` -> `a/b`; `a/mod.rs`, a crate root -> `a`). */
function rustModuleFolder(context: ResolutionContext, from: string): string {
  const folder = parentFolder(from);
  const name = from.slice(from.lastIndexOf('/') + 1);
  if (name === 'mod.rs' || name === 'lib.rs' || name === 'main.rs') return folder;
  // A file of a folder of crate roots (`tests/`): its modules sit beside it.
  if (!hasRustRootFile(context, folder) && rustCrateRoot(context, from) === folder) return folder;
  return inFolder(folder, name.slice(0, -'.rs'.length));
}

/** The file of the deepest module of `segments` found below the module folder `folder` (its own file for none). */
function rustModuleFile(context: ResolutionContext, folder: string, segments: readonly string[]): string | undefined {
  for (let take = segments.length; take >= 1; take--) {
    const stem = inFolder(folder, segments.slice(0, take).join('/'));
    for (const candidate of [`${stem}.rs`, `${stem}/mod.rs`]) if (context.paths.has(candidate)) return candidate;
  }
  for (const candidate of [inFolder(folder, 'lib.rs'), inFolder(folder, 'main.rs'), `${folder}.rs`, inFolder(folder, 'mod.rs')]) {
    if (context.paths.has(candidate)) return candidate;
  }
  return undefined;
}

/** A `use` path: from the crate root, this module, its parents, another crate of the repository, or a child module. */
function rustPath(context: ResolutionContext, from: string, path: string): string | undefined {
  const segments = path.split('::').filter(Boolean);
  const [first] = segments;
  if (first === undefined) return undefined;
  if (first === 'crate') return rustModuleFile(context, rustCrateRoot(context, from), segments.slice(1));
  if (first === 'self' || first === 'super') {
    let folder = rustModuleFolder(context, from);
    let index = first === 'self' ? 1 : 0;
    for (; segments[index] === 'super'; index++) folder = parentFolder(folder);
    return rustModuleFile(context, folder, segments.slice(index));
  }
  const crate = context.rustCrates.get(first);
  if (crate !== undefined) return rustModuleFile(context, crate, segments.slice(1));
  // A module of this one, named without `self::` (Rust 2018); the standard library and other
  // crates are never files of the repository.
  const folder = rustModuleFolder(context, from);
  const stem = inFolder(folder, first);
  return context.paths.has(`${stem}.rs`) || context.paths.has(`${stem}/mod.rs`) ? rustModuleFile(context, folder, segments) : undefined;
}

/**
 * A `use` path inside `depth` inline modules (`mod tests { ... }`) as seen from the file's own module:
 * null when it names something of an inline module, which lives in this file (`self::`, fewer `super::`
 * than inline modules); `self::...` when it climbs exactly out of them; fewer `super::` when it climbs
 * further. Undefined when there is nothing to change.
 */
function outOfInlineModules(source: string, depth: number): string | null | undefined {
  if (depth === 0) return undefined;
  const segments = source.split('::');
  if (segments[0] === 'self') return null;
  let supers = 0;
  while (segments[supers] === 'super') supers++;
  if (supers === 0) return undefined;
  if (supers < depth) return null;
  return [...(supers > depth ? Array<string>(supers - depth).fill('super') : ['self']), ...segments.slice(supers)].join('::');
}

/** `use a::b::{c}` resolves to the module `a::b::c` when it is one, else to `a::b`'s file. */
function resolveRust(context: ResolutionContext, from: string, source: string, importedName: string | undefined): string | undefined {
  if (importedName && importedName !== '*' && importedName !== 'self') {
    const inner = rustPath(context, from, `${source}::${importedName}`);
    const outer = rustPath(context, from, source);
    // The deeper path only counts when it found a deeper file.
    if (inner !== undefined && inner !== outer) return inner;
    return outer;
  }
  return rustPath(context, from, source);
}

function containingFolder(folder: string, path: string): boolean {
  return folder === '' || path.startsWith(`${folder}/`);
}

/**
 * A Go import path names a package folder: within a module of the repository (the longest module
 * path that prefixes it), in a `vendor` folder of the importing module or of the root, or relative
 * (`./x`, before modules). A repository without any go.mod (GOPATH layout) is matched by the folder's
 * last segments, for paths whose first element has a dot (a host name): the standard library's
 * (`errors`, `net/http`) never has one, and must not resolve to a folder of the same name.
 */
function resolveGo(context: ResolutionContext, from: string, source: string): string | undefined {
  const packages = context.goPackages;
  if (source.startsWith('.')) return packages.get(posix.normalize(posix.join(posix.dirname(from), source)));
  let module: [path: string, folder: string] | undefined;
  let importer: string | undefined;
  for (const [path, folder] of context.goModules) {
    if ((source === path || source.startsWith(`${path}/`)) && (!module || path.length > module[0].length)) module = [path, folder];
    if (containingFolder(folder, from) && (importer === undefined || folder.length > importer.length)) importer = folder;
  }
  const join = (...segments: string[]) => segments.filter(Boolean).join('/');
  if (module) return packages.get(join(module[1], source.slice(module[0].length + 1)));
  const vendored = packages.get(join(importer ?? '', 'vendor', source)) ?? packages.get(join('vendor', source));
  if (vendored !== undefined || context.goModules.size > 0) return vendored;
  const parts = source.split('/');
  if (!parts[0]?.includes('.')) return undefined;
  for (let take = Math.min(3, parts.length - 1); take >= 1; take--) {
    const folders = context.goPackagesBySuffix.get(parts.slice(-take).join('/'));
    if (folders) return packages.get([...folders].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0]!);
  }
  return undefined;
}

/**
 * A Java import names a class (`source` its package, `importedName` the class), or, when static, a
 * member of a class (`source` the class); `*` takes all of a package (no one file) or of a class.
 */
function resolveJava(context: ResolutionContext, source: string, importedName: string | undefined): string | undefined {
  const stem = source.split('.').join('/');
  const asClass = importedName && importedName !== '*' ? bySuffix(context, `${stem}/${importedName}.java`) : undefined;
  return asClass ?? bySuffix(context, `${stem}.java`);
}

/**
 * Resolves one import of `from` (a repository path) to a repository path, or undefined. `importedName`
 * is the name the import takes from `source`, which Java, Python and Rust need (see `resolveJava`,
 * `resolvePython`, `resolveRust`).
 */
export function resolveImport(
  context: ResolutionContext,
  language: string,
  from: string,
  source: string,
  importedName?: string,
  /** Inline modules (`mod tests { ... }`) around the import, for Rust's `self::` and `super::`. */
  inlineModules = 0,
): string | undefined {
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
      return resolveScript(context, from, source);
    case 'python':
      return resolvePython(context, from, source, importedName);
    case 'c':
    case 'cpp': {
      const local = posix.normalize(posix.join(posix.dirname(from), source));
      return context.paths.has(local) ? local : bySuffix(context, source);
    }
    case 'java':
      return resolveJava(context, source.replace(/\.\*$/, ''), importedName);
    case 'go':
      return resolveGo(context, from, source);
    case 'rust': {
      const path = outOfInlineModules(source, inlineModules);
      return path === null ? from : resolveRust(context, from, path ?? source, importedName);
    }
    default:
      return undefined;
  }
}

/**
 * Resolves imports and stores resolved_file_id: the unresolved imports of the files `fileIds` when
 * given; else every import of the repository again, writing only those whose target changed (after a
 * path appeared or went, or a manifest or config changed, any import may lead elsewhere). Returns how
 * many imports it resolved (to a file, anew or differently).
 */
export function resolveStoredImports(db: DatabaseSync, context: ResolutionContext, fileIds?: ReadonlySet<number>): number {
  const update = db.prepare('UPDATE imports SET resolved_file_id = ? WHERE id = ?');
  const inlineModules = inlineModuleCounter(db);
  let resolved = 0;
  const store = (row: StoredImport, importer: string, language: string, fileId: (path: string) => number | undefined) => {
    const [id, importerId, source, importedName, line, current] = row;
    const depth = inlineModuleDepth(language, source, () => inlineModules(importerId, line));
    const target = resolveImport(context, language, importer, source, importedName ?? undefined, depth);
    const targetId = target === undefined || target === importer ? null : (fileId(target) ?? null);
    if (targetId === (current === null ? null : Number(current))) return;
    update.run(targetId, id);
    if (targetId !== null) resolved++;
  };
  const columns = 'imports.id, imports.file_id, imports.source, imports.imported_name, imports.line, imports.resolved_file_id';
  if (fileIds) {
    const rows = allRows<[...StoredImport, path: string, language: string]>(
      db.prepare(`SELECT ${columns}, files.path, files.language FROM imports JOIN files ON files.id = imports.file_id
        WHERE imports.resolved_file_id IS NULL AND imports.file_id IN (SELECT value FROM json_each(?))`),
      JSON.stringify([...fileIds]),
    );
    const fileId = fileIdLookup(db);
    for (const [id, importerId, source, importedName, line, current, path, language] of rows) {
      store([id, importerId, source, importedName, line, current], path, language, fileId);
    }
    return resolved;
  }
  // Every import: the files once, then the imports without joining a path to each.
  const files = new Map<number, [path: string, language: string]>();
  const idByPath = new Map<string, number>();
  for (const [id, path, language] of allRows<[number, string, string]>(db.prepare('SELECT id, path, language FROM files'))) {
    files.set(Number(id), [path, language]);
    idByPath.set(path, Number(id));
  }
  const fileId = (path: string) => idByPath.get(path);
  for (const row of allRows<StoredImport>(db.prepare(`SELECT ${columns} FROM imports`))) {
    const file = files.get(Number(row[1]));
    if (file) store(row, file[0], file[1], fileId);
  }
  return resolved;
}

type StoredImport = [id: number, fileId: number, source: string, importedName: string | null, line: number, current: number | null];

/** How many inline Rust modules (`mod m { ... }`, a module symbol spanning lines) hold a line of a file. */
function inlineModuleCounter(db: DatabaseSync): (fileId: number, line: number) => number {
  const count = db.prepare("SELECT count(*) AS n FROM symbols WHERE file_id = ? AND kind = 'module' AND start_line < ? AND end_line >= ?");
  return (fileId, line) => Number((count.get(fileId, line, line) as { n: number }).n);
}

/**
 * The inline modules an import's `self::`/`super::` must climb out of (see `outOfInlineModules`): 0 but
 * for such a Rust import, for which `count` tells how many inline modules hold its line.
 */
export function inlineModuleDepth(language: string, source: string, count: () => number): number {
  const climbs = source === 'self' || source === 'super' || source.startsWith('self::') || source.startsWith('super::');
  return language === 'rust' && climbs ? count() : 0;
}

/** How many inline Rust modules of `facts` hold `line` (see `inlineModuleCounter`). */
export function inlineModulesAt(facts: FileFacts, line: number): number {
  return facts.symbols.filter((symbol) => symbol.kind === 'module' && symbol.startLine < line && symbol.endLine >= line).length;
}

/** Looks up file ids by path, one query per path (for the imports of a few files). */
function fileIdLookup(db: DatabaseSync): (path: string) => number | undefined {
  const statement = db.prepare('SELECT id FROM files WHERE path = ?');
  return (path) => {
    const row = statement.get(path) as { id: number } | undefined;
    return row === undefined ? undefined : Number(row.id);
  };
}
