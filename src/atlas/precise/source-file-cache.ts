/** Parsed SourceFiles shared across programs: same file and same parse-affecting options give the same object. */
import ts from 'typescript';

/** Counts for the measurement script. */
export interface SourceFileCacheStats {
  hits: number;
  parses: number;
}

/**
 * Holds SourceFiles for the life of a backend. Each entry carries the file's version (size and
 * modification time), so a file edited between runs is parsed again.
 */
export interface SourceFileCache {
  get(key: string, version: string): ts.SourceFile | undefined;
  set(key: string, version: string, file: ts.SourceFile): void;
  readonly size: number;
  readonly stats: SourceFileCacheStats;
}

const registry = ts.createDocumentRegistry(ts.sys.useCaseSensitiveFileNames);
/** `.d.ts`, `.d.mts`, `.d.cts` and arbitrary-extension declarations such as `.d.css.ts`. */
const declarationFilePattern = /\.d\.(?:[^/]*\.)?[cm]?ts$/i;

/**
 * The part of a cache key that comes from compiler options: the options that change how a file
 * parses or binds (the same ones TypeScript's DocumentRegistry uses, without the `paths` base).
 */
export function sourceFileOptionsKey(options: ts.CompilerOptions): string {
  return registry.getKeyForCompilationSettings({ ...options, pathsBasePath: undefined });
}

/**
 * Full key of one parse. Declaration files (lib.d.ts, node_modules types) ignore target and
 * options: they hold no statements whose parse or binding depends on them, and module detection
 * treats them by syntax alone, so one parse serves every program.
 */
export function sourceFileKey(optionsKey: string, fileName: string, createOptions: ts.ScriptTarget | ts.CreateSourceFileOptions): string {
  if (typeof createOptions === 'number') return `${fileName}\u0000${optionsKey}\u0000${createOptions}`;
  const { languageVersion, impliedNodeFormat, jsDocParsingMode } = createOptions;
  const mode = `${impliedNodeFormat ?? ''}|${jsDocParsingMode ?? ''}`;
  if (declarationFilePattern.test(fileName)) return `${fileName}\u0000declaration\u0000${mode}`;
  return `${fileName}\u0000${optionsKey}\u0000${languageVersion}|${mode}`;
}

/** An empty cache. */
export function createSourceFileCache(): SourceFileCache {
  const files = new Map<string, { version: string; file: ts.SourceFile }>();
  const stats: SourceFileCacheStats = { hits: 0, parses: 0 };
  return {
    get(key, version) {
      const entry = files.get(key);
      if (!entry || entry.version !== version) return undefined;
      stats.hits++;
      return entry.file;
    },
    set(key, version, file) {
      stats.parses++;
      files.set(key, { version, file });
    },
    get size() {
      return files.size;
    },
    stats,
  };
}
