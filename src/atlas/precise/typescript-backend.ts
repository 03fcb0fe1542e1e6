/** The precise backend built on the TypeScript 6 compiler API: one program per tsconfig, SourceFiles shared. */
import { statSync } from 'node:fs';
import type { PreciseBackend, PreciseResolveOptions, ResolvedBatch } from './backend.ts';
import { createFileSystemMemo } from './compiler-host.ts';
import { createHeapHint } from './heap-hint.ts';
import { CodewrightError } from '../../core/errors.ts';
import { normalizeRoot, toRepositoryPath } from './paths.ts';
import { planPrograms, type PlanJob, type ProgramPlan } from './plan-programs.ts';
import { createProblem } from './problems.ts';
import { createConfigReader } from './read-config.ts';
import { runPlan } from './run-plan.ts';
import { createSourceFileCache, type SourceFileCache } from './source-file-cache.ts';
import { walkRepository } from './walk-repository.ts';
import { runPlansInWorkers } from './worker-pool.ts';

/** Tuning for `createTypeScriptBackend`. */
export interface TypeScriptBackendOptions {
  /**
   * Worker threads that build programs side by side. Default 0: everything runs on the calling
   * thread (yielding to the event loop between batches) and parsed files stay cached between
   * runs, which makes incremental runs fast. 1 keeps a server's event loop free. On
   * typescript-eslint with 2 cores, 2 workers were no faster than 0 (V8's garbage collector
   * already uses the second core) and peaked 0.5 GB higher; more cores may change that.
   */
  workers?: number;
  /** Files per batch (one store transaction each). Default 100. */
  batchSize?: number;
}

/** A `PreciseBackend` for TypeScript and JavaScript repositories. */
export function createTypeScriptBackend(options: TypeScriptBackendOptions = {}): PreciseBackend {
  const workers = Math.max(0, Math.floor(options.workers ?? 0));
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const cache = createSourceFileCache();
  return {
    specificationVersion: 'v1',
    name: 'typescript',
    doResolve: (resolveOptions) => resolve(resolveOptions, { workers, batchSize, cache }),
  };
}

async function* resolve(
  options: PreciseResolveOptions,
  settings: { workers: number; batchSize: number; cache: SourceFileCache },
): AsyncGenerator<ResolvedBatch> {
  options.signal?.throwIfAborted();
  const root = normalizeRoot(options.root);
  if (!isDirectory(root)) {
    throw new CodewrightError({ code: 'NOT_A_DIRECTORY', message: `${options.root} is not a folder. Pass the repository root.`, data: { root: options.root } });
  }
  options.onProgress?.({ stage: 'plan', done: 0, total: 1 });
  const listing = walkRepository(root);
  if (listing.sources.length === 0) {
    const message = `No TypeScript or JavaScript files under ${root}; the precise mode has nothing to resolve. Point it at a repository with .ts or .js files, or leave the precise mode off.`;
    yield { files: [], problems: [createProblem('warning', 'NOT_FOUND', message, { root })] };
    return;
  }
  const reader = createConfigReader((fileName) => toRepositoryPath(root, fileName) ?? fileName);
  const { plans, problems } = planPrograms(root, listing, reader);
  options.onProgress?.({ stage: 'plan', done: 1, total: 1 });
  if (problems.length > 0) yield { files: [], problems };
  const jobs = selectJobs(plans, options.files);
  const total = jobs.reduce((sum, job) => sum + job.files.length, 0);
  let done = 0;
  const inWorkers = settings.workers > 0 && jobs.length > 0;
  const batches = inWorkers
    ? runPlansInWorkers({ root, jobs, workers: settings.workers, batchSize: settings.batchSize, signal: options.signal })
    : runPlansHere(root, jobs, settings, reader, options.signal);
  for await (const batch of batches) {
    done += batch.files.length;
    options.onProgress?.({ stage: 'resolve', done, total });
    yield batch;
    // Checking is synchronous: let timers, signals and I/O of the host run between batches.
    if (!inWorkers) await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Keeps the plans owning requested files, heaviest first so parallel runs end together, and the
 * inferred program last: it parses many files nobody else imports, which would otherwise sit in
 * the SourceFile cache while the big programs run.
 */
function selectJobs(plans: ProgramPlan[], files: string[] | undefined): PlanJob[] {
  const wanted = files ? new Set(files.map((path) => path.replace(/\\/g, '/').replace(/^\.\//, ''))) : undefined;
  const jobs = plans
    .map((plan) => ({ plan, files: wanted ? plan.owned.filter((path) => wanted.has(path)) : plan.owned }))
    .filter((job) => job.files.length > 0);
  const rank = (job: PlanJob) => (job.plan.configFileName ? 0 : 1);
  return jobs.sort((a, b) => rank(a) - rank(b) || b.plan.weight - a.plan.weight);
}

function* runPlansHere(
  root: string,
  jobs: PlanJob[],
  settings: { batchSize: number; cache: SourceFileCache },
  reader: ReturnType<typeof createConfigReader>,
  signal: AbortSignal | undefined,
): Generator<ResolvedBatch> {
  const context = { root, cache: settings.cache, memo: createFileSystemMemo(), reader, batchSize: settings.batchSize, signal };
  const heap = createHeapHint();
  for (const job of jobs) {
    yield* runPlan(context, job.plan, job.files);
    heap.afterProgram();
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
