/** A CompilerHost that takes SourceFiles from a shared cache and memoises file-system probes across programs. */
import { statSync } from 'node:fs';
import ts from 'typescript';
import { sourceFileKey, sourceFileOptionsKey, type SourceFileCache } from './source-file-cache.ts';

/** File-system answers shared by every program of one run (the tree does not change during a run). */
export interface FileSystemMemo {
  fileExists: Map<string, boolean>;
  directoryExists: Map<string, boolean>;
  readFile: Map<string, string | undefined>;
  realpath: Map<string, string>;
  /** Size and modification time of files read as sources. */
  version: Map<string, string>;
}

/** An empty memo, one per run. */
export function createFileSystemMemo(): FileSystemMemo {
  return { fileExists: new Map(), directoryExists: new Map(), readFile: new Map(), realpath: new Map(), version: new Map() };
}

/** The program's options and what it shares with the other programs. */
export interface CachingHostOptions {
  options: ts.CompilerOptions;
  cache: SourceFileCache;
  memo: FileSystemMemo;
  /** Parsed configs of referenced projects, so each is read once. */
  getParsedCommandLine?: (fileName: string) => ts.ParsedCommandLine | undefined;
}

/** Extra host methods TypeScript reads when present; public on WatchCompilerHost, honoured on any host. */
type ProjectReferenceHost = ts.CompilerHost & { useSourceOfProjectReferenceRedirect(): boolean };

/**
 * Builds the host for one program. Imports of a referenced project resolve to its sources, not
 * its (often unbuilt) `.d.ts` output, as in an editor. JSDoc is parsed only where it carries types (JS).
 */
export function createCachingHost({ options, cache, memo, getParsedCommandLine }: CachingHostOptions): ts.CompilerHost {
  const base = ts.createCompilerHost(options, false);
  const optionsKey = sourceFileOptionsKey(options);
  const remember = <T>(map: Map<string, T>, compute: (key: string) => T) => (key: string): T => {
    if (map.has(key)) return map.get(key) as T;
    const value = compute(key);
    map.set(key, value);
    return value;
  };
  const fileVersion = remember(memo.version, (fileName) => {
    try {
      const stats = statSync(fileName);
      return `${stats.size}:${stats.mtimeMs}`;
    } catch {
      return 'missing';
    }
  });
  const host: ProjectReferenceHost = {
    ...base,
    fileExists: remember(memo.fileExists, (fileName) => base.fileExists(fileName)),
    directoryExists: remember(memo.directoryExists, (directory) => base.directoryExists?.(directory) ?? ts.sys.directoryExists(directory)),
    readFile: remember(memo.readFile, (fileName) => base.readFile(fileName)),
    realpath: remember(memo.realpath, (path) => base.realpath?.(path) ?? path),
    getSourceFile(fileName, createOptions, onError, shouldCreateNewSourceFile) {
      const key = sourceFileKey(optionsKey, fileName, createOptions);
      const version = fileVersion(fileName);
      if (!shouldCreateNewSourceFile) {
        const cached = cache.get(key, version);
        if (cached) return cached;
      }
      let text: string | undefined;
      try {
        text = ts.sys.readFile(fileName);
      } catch (error) {
        onError?.(error instanceof Error ? error.message : String(error));
      }
      if (text === undefined) return undefined;
      const file = ts.createSourceFile(fileName, text, createOptions, false);
      cache.set(key, version, file);
      return file;
    },
    useSourceOfProjectReferenceRedirect: () => true,
    jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo,
  };
  if (getParsedCommandLine) host.getParsedCommandLine = getParsedCommandLine;
  return host;
}
