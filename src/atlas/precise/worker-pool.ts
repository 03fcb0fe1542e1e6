/** Spreads program jobs over worker threads, pulling the next job as a worker frees up. */
import { Worker } from 'node:worker_threads';
import type { ResolvedBatch } from './backend.ts';
import { createAsyncChannel } from './async-channel.ts';
import { createProblem, describeFailure } from './problems.ts';
import type { PlanJob } from './plan-programs.ts';
import type { FromWorker, WorkerSetup } from './worker-protocol.ts';

/** Jobs and how many threads to run them on. */
export interface WorkerPoolOptions {
  root: string;
  /** Jobs in the order to start them (largest first balances the tail). */
  jobs: PlanJob[];
  workers: number;
  batchSize: number;
  signal?: AbortSignal;
}

interface Delivery {
  batch: ResolvedBatch;
  worker?: Worker;
}

/** Yields the batches of every job; a crashed worker costs its current job (reported) and is replaced. */
export async function* runPlansInWorkers(options: WorkerPoolOptions): AsyncGenerator<ResolvedBatch> {
  const pending = [...options.jobs];
  const channel = createAsyncChannel<Delivery>();
  const live = new Set<Worker>();
  const setup: WorkerSetup = { root: options.root, batchSize: options.batchSize, window: 4 };

  const start = () => {
    const worker = new Worker(new URL('./resolve-worker.ts', import.meta.url), { workerData: setup });
    live.add(worker);
    let current: PlanJob | undefined;
    const next = () => {
      current = pending.shift();
      if (current) worker.postMessage({ type: 'job', plan: current.plan, files: current.files });
      else void worker.terminate();
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'batch') channel.push({ batch: message.batch, worker });
      else next();
    });
    worker.on('error', (error) => {
      const name = current?.plan.name ?? 'a program';
      const text = `The worker building ${name} crashed; its unresolved files stay unresolved, the other programs carry on. ${describeFailure(error)}`;
      channel.push({ batch: { files: [], problems: [createProblem('error', 'INTERNAL', text, { program: name })] } });
      current = undefined;
    });
    worker.on('exit', () => {
      live.delete(worker);
      if (pending.length > 0 && !options.signal?.aborted) start();
      else if (live.size === 0) channel.close();
    });
  };

  const abort = () => {
    channel.fail(options.signal?.reason ?? new Error('aborted'));
    for (const worker of live) void worker.terminate();
  };
  options.signal?.throwIfAborted();
  options.signal?.addEventListener('abort', abort, { once: true });
  for (let index = 0; index < Math.min(options.workers, pending.length); index++) start();
  try {
    for await (const { batch, worker } of channel) {
      yield batch;
      if (worker && live.has(worker)) worker.postMessage({ type: 'ack' });
    }
  } finally {
    options.signal?.removeEventListener('abort', abort);
    for (const worker of live) void worker.terminate();
  }
}
