/** Resolves import specifiers to files of the repository, per language conventions. */
import { posix } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { allRows } from '../store/database.ts';

const scriptExtensions = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** What resolution needs to know about the repository's files. */
export interface ResolutionContext {
  readonly paths: ReadonlySet<string>;
  /** npm workspace package name -> its folder ('' for the root). */
  readonly packages: ReadonlyMap<string, string>;
  /** Lower-cased path suffix index for languages that import by qualified name. */
  readonly bySuffix: ReadonlyMap<string, string[]>;
}

function suffixIndex(paths: ReadonlySet<string>): Map<string, string[]> {
  const bySuffix = new Map<string, string[]>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let start = Math.max(0, parts.length - 4); start < parts.length; start++) {
      const suffix = parts.slice(start).join('/');
      const list = bySuffix.get(suffix);
      if (list) list.push(path);
      else bySuffix.set(suffix, [path]);
    }
  }
  return bySuffix;
}

/**
 * Builds the context from every indexed path and the package.json names found. The suffix index,
 * and the packages when given as a function, are built on first use: resolving the imports of one
 * changed TypeScript file needs neither, usually.
 */
export function createResolutionContext(
  paths: Iterable<string>,
  packages: ReadonlyMap<string, string> | (() => ReadonlyMap<string, string>),
): ResolutionContext {
  const set = new Set(paths);
  let packageMap = typeof packages === 'function' ? undefined : packages;
  let bySuffix: Map<string, string[]> | undefined;
  return {
    paths: set,
    get packages() {
      return (packageMap ??= (packages as () => ReadonlyMap<string, string>)());
    },
    get bySuffix() {
      return (bySuffix ??= suffixIndex(set));
    },
  };
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

function resolveScript(context: ResolutionContext, from: string, source: string): string | undefined {
  if (source.startsWith('.')) return tryScript(context, posix.normalize(posix.join(posix.dirname(from), source)));
  const parts = source.split('/');
  const name = source.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  const folder = context.packages.get(name);
  if (folder === undefined) return undefined;
  const rest = parts.slice(source.startsWith('@') ? 2 : 1).join('/');
  const join = (...segments: string[]) => segments.filter(Boolean).join('/');
  if (rest) return tryScript(context, join(folder, 'src', rest)) ?? tryScript(context, join(folder, rest));
  return tryScript(context, join(folder, 'src', 'index')) ?? tryScript(context, join(folder, 'index'));
}

function bySuffix(context: ResolutionContext, suffix: string): string | undefined {
  const matches = context.bySuffix.get(suffix);
  return matches && matches.length === 1 ? matches[0] : matches?.sort((a, b) => a.length - b.length)[0];
}

function resolvePython(context: ResolutionContext, from: string, source: string): string | undefined {
  const leading = /^\.+/.exec(source)?.[0].length ?? 0;
  const dotted = source.slice(leading).split('.').filter(Boolean).join('/');
  if (leading > 0) {
    let directory = posix.dirname(from);
    for (let up = 1; up < leading; up++) directory = posix.dirname(directory);
    const base = dotted ? posix.join(directory, dotted) : directory;
    for (const candidate of [`${base}.py`, `${base}/__init__.py`]) if (context.paths.has(candidate)) return candidate;
    return undefined;
  }
  return bySuffix(context, `${dotted}.py`) ?? bySuffix(context, `${dotted}/__init__.py`);
}

/** Resolves one import of `from` (a repository path) to a repository path, or undefined. */
export function resolveImport(context: ResolutionContext, language: string, from: string, source: string): string | undefined {
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
      return resolveScript(context, from, source);
    case 'python':
      return resolvePython(context, from, source);
    case 'c':
    case 'cpp': {
      const local = posix.normalize(posix.join(posix.dirname(from), source));
      return context.paths.has(local) ? local : bySuffix(context, source);
    }
    case 'java':
      return bySuffix(context, `${source.replace(/\.\*$/, '').split('.').join('/')}.java`);
    case 'go': {
      const parts = source.split('/');
      for (let take = Math.min(3, parts.length); take >= 1; take--) {
        const suffix = parts.slice(-take).join('/');
        const match = [...context.paths].find((path) => path.endsWith('.go') && posix.dirname(path).endsWith(suffix));
        if (match) return match;
      }
      return undefined;
    }
    case 'rust': {
      const segments = source.split('::').filter((segment) => !['crate', 'self', 'super'].includes(segment));
      for (let take = segments.length; take >= 1; take--) {
        const stem = segments.slice(0, take).join('/');
        const found = bySuffix(context, `${stem}.rs`) ?? bySuffix(context, `${stem}/mod.rs`);
        if (found) return found;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Resolves unresolved imports and stores resolved_file_id: of every file when `fileIds` is undefined;
 * else of those files, plus the relative imports of every other file unless `othersRelative` is
 * false (new paths can only satisfy those; when no path was added, nothing else can change).
 */
export function resolveStoredImports(
  db: DatabaseSync,
  context: ResolutionContext,
  fileIds?: ReadonlySet<number>,
  options: { othersRelative?: boolean } = {},
): number {
  const onlyThese = fileIds !== undefined && options.othersRelative === false;
  const select = `SELECT imports.id, imports.file_id, imports.source, files.path, files.language
       FROM imports JOIN files ON files.id = imports.file_id
       WHERE imports.resolved_file_id IS NULL`;
  type Row = [id: number, fileId: number, source: string, path: string, language: string];
  const rows = onlyThese
    ? allRows<Row>(db.prepare(`${select} AND imports.file_id IN (SELECT value FROM json_each(?))`), JSON.stringify([...fileIds]))
    : allRows<Row>(db.prepare(select));
  const fileId = fileIdLookup(db, onlyThese);
  const update = db.prepare('UPDATE imports SET resolved_file_id = ? WHERE id = ?');
  let resolved = 0;
  for (const [id, importer, source, path, language] of rows) {
    if (fileIds && !fileIds.has(Number(importer)) && !source.startsWith('.')) continue;
    const target = resolveImport(context, language, path, source);
    const targetId = target === undefined ? undefined : fileId(target);
    if (targetId !== undefined && target !== path) {
      update.run(targetId, id);
      resolved++;
    }
  }
  return resolved;
}

/** Looks up file ids by path: one query per path for a few imports, else one query for all files. */
function fileIdLookup(db: DatabaseSync, few: boolean): (path: string) => number | undefined {
  if (few) {
    const statement = db.prepare('SELECT id FROM files WHERE path = ?');
    return (path) => {
      const row = statement.get(path) as { id: number } | undefined;
      return row === undefined ? undefined : Number(row.id);
    };
  }
  const idByPath = new Map<string, number>();
  for (const [id, path] of allRows<[number, string]>(db.prepare('SELECT id, path FROM files'))) idByPath.set(path, Number(id));
  return (path) => idByPath.get(path);
}
