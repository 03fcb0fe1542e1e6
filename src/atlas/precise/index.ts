/** The precise mode of atlas: resolving references with a compiler, behind a replaceable backend. */
export type {
  PreciseBackend,
  PreciseProblem,
  PreciseProblemSeverity,
  PreciseProgressEvent,
  PreciseResolveOptions,
  ResolvedBatch,
  ResolvedFile,
  ResolvedOccurrence,
  ResolvedPosition,
} from './backend.ts';
export { createTypeScriptBackend, type TypeScriptBackendOptions } from './typescript-backend.ts';
export { applyResolutions, type ApplyReport } from './apply-resolutions.ts';
export { findFilesToResolve } from './find-files-to-resolve.ts';
export { problemToError } from './problems.ts';
