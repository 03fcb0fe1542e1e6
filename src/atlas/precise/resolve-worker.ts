/** Worker thread entry: builds the programs it is sent, one at a time, with its own SourceFile cache. */
import { parentPort, workerData } from 'node:worker_threads';
import { createFileSystemMemo } from './compiler-host.ts';
import { createHeapHint } from './heap-hint.ts';
import { toRepositoryPath } from './paths.ts';
import { createConfigReader } from './read-config.ts';
import { runPlan, type RunContext } from './run-plan.ts';
import { createSourceFileCache } from './source-file-cache.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-protocol.ts';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('resolve-worker.ts must run in a worker thread');

const context: RunContext = {
  root: setup.root,
  cache: createSourceFileCache(),
  memo: createFileSystemMemo(),
  reader: createConfigReader((fileName) => toRepositoryPath(setup.root, fileName) ?? fileName),
  batchSize: setup.batchSize,
};
const heap = createHeapHint();
let unacknowledged = 0;
let wake: (() => void) | undefined;
const jobs: Extract<ToWorker, { type: 'job' }>[] = [];
let running = false;

const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'ack') {
    unacknowledged--;
    wake?.();
    return;
  }
  jobs.push(message);
  if (!running) void drain();
});

async function drain(): Promise<void> {
  running = true;
  for (let job = jobs.shift(); job; job = jobs.shift()) {
    for (const batch of runPlan(context, job.plan, job.files)) {
      send({ type: 'batch', batch });
      unacknowledged++;
      // Back-pressure: a slow consumer (the store) must not make batches pile up in memory.
      while (unacknowledged >= setup.window) await new Promise<void>((resolve) => (wake = resolve));
    }
    heap.afterProgram();
    send({ type: 'job-done' });
  }
  running = false;
}

send({ type: 'ready' });
