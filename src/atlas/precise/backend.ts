/** The replaceable contract of the precise mode: a backend resolves identifiers to declarations. */

/** Where a declaration's name starts: repository-relative path, 1-based line, 0-based UTF-16 column. */
export interface ResolvedPosition {
  path: string;
  line: number;
  column: number;
}

/**
 * One identifier use and what it refers to: a declaration inside the repository, `'external'`
 * for declarations outside it (node_modules, lib.d.ts, the language's own `undefined`), or
 * `null` when the backend could not resolve it.
 */
export interface ResolvedOccurrence {
  line: number;
  column: number;
  name: string;
  target: ResolvedPosition | 'external' | null;
}

/** The identifiers of one source file. */
export interface ResolvedFile {
  /** Repository-relative path with `/` separators. */
  path: string;
  /** The program (tsconfig path, or `inferred`) that resolved the file. */
  program: string;
  occurrences: ResolvedOccurrence[];
  counts: {
    /** Identifier uses seen, declaration names excluded. */
    identifiers: number;
    /** Uses whose symbol has a declaration (including locals, parameters and external ones). */
    resolved: number;
    /** Identifiers that are the names of declarations; they are not resolved. */
    declarationNames: number;
  };
}

/** `error`: a config or program could not be used; `warning`: results may be partial. */
export type PreciseProblemSeverity = 'error' | 'warning';

/** A failure confined to one config or program; the other programs carry on. */
export interface PreciseProblem {
  severity: PreciseProblemSeverity;
  /** A `CodewrightError` code. */
  code: string;
  message: string;
  data: Record<string, unknown>;
}

/** A group of resolved files, applied to the store in one transaction. */
export interface ResolvedBatch {
  files: ResolvedFile[];
  problems: PreciseProblem[];
}

/** Progress of a run, for a progress bar or a line per stage. */
export interface PreciseProgressEvent {
  /** `plan` while reading configs, `resolve` while resolving programs. */
  stage: string;
  done: number;
  total: number;
}

/** What to resolve and how to report progress. */
export interface PreciseResolveOptions {
  /** Absolute path of the repository root. */
  root: string;
  /**
   * Repository-relative files to resolve; all source files when omitted. For an incremental
   * run pass the changed files plus their dependents (see `findDependentPaths`).
   */
  files?: string[];
  signal?: AbortSignal;
  onProgress?: (event: PreciseProgressEvent) => void;
}

/**
 * A precise resolver. Version 1 resolves TypeScript and JavaScript; a SCIP importer or the
 * TypeScript 7 API can implement the same contract.
 */
export interface PreciseBackend {
  readonly specificationVersion: 'v1';
  readonly name: string;
  /** Streams batches of resolved files; problems confined to a config or program travel in the batches. */
  doResolve(options: PreciseResolveOptions): AsyncIterable<ResolvedBatch>;
}
