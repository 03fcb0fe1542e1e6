/** What a parse worker does: parse batches of files from the pool and post the outcomes back. */
import { parentPort } from 'node:worker_threads';
import { grammarsFor } from './file-checks.ts';
import { loadedGrammar, loadGrammars } from './grammars.ts';
import { parseFileSync } from './parse-file.ts';
import type { ParseJob, ParseOptions, ParseOutcome } from './types.ts';
import { toWire } from './wire-outcome.ts';
import type { WireOutcome } from './wire-outcome.ts';

/** A batch of files for one worker. */
export interface WorkerRequest {
  batch: number;
  jobs: ParseJob[];
  options: ParseOptions;
}

/** The outcomes of one batch, one per job, in the jobs' order (see `wire-outcome.ts`). */
export interface WorkerResponse {
  batch: number;
  outcomes: WireOutcome[];
}

/** What a worker posts: once `ready` when its modules are loaded, then one response per batch. */
export type WorkerMessage = WorkerResponse | { ready: true };

/** Parses a batch, turning every failure into a `skipped` outcome. */
export async function runBatch(jobs: readonly ParseJob[], options: ParseOptions): Promise<ParseOutcome[]> {
  const outcomes: ParseOutcome[] = [];
  for (const job of jobs) {
    try {
      const grammars = grammarsFor(job.path, job.language);
      if (!grammars.every((language) => loadedGrammar(language))) await loadGrammars(grammars);
      outcomes.push(parseFileSync(job, options));
    } catch (error) {
      const reason = `parser failed: ${error instanceof Error ? error.message : String(error)}`;
      outcomes.push({ path: job.path, status: 'skipped', hash: null, reason });
    }
  }
  return outcomes;
}

/** Answers the pool's requests on this thread's parent port with `handle`. */
export function serveBatches(handle: typeof runBatch = runBatch): void {
  const port = parentPort;
  if (!port) return;
  // Batches run one after another: a batch may wait for a grammar to load.
  let queue = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(async () => {
      const outcomes = await handle(request.jobs, request.options);
      const response: WorkerResponse = { batch: request.batch, outcomes: outcomes.map(toWire) };
      port.postMessage(response);
    });
  });
  // Batch time limits count from here: loading modules is no part of parsing a batch.
  port.postMessage({ ready: true } satisfies WorkerMessage);
}
