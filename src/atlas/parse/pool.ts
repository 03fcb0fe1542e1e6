/** A pool of worker threads that parse files in batches and stream the outcomes back. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from './run-batch.ts';
import type { ParseJob, ParseOptions, ParseOutcome } from './types.ts';

export type { ParseJob, ParseOptions, ParseOutcome } from './types.ts';

/** Parses files on worker threads. */
export interface ParsePool {
  /**
   * Parses `jobs` and calls `onOutcome` once per job, in no particular order, as batches finish.
   * Resolves when every job has an outcome; rejects if `onOutcome` throws. A file that breaks the
   * parser, or even kills its worker, comes back `skipped` with the error as reason; the pool
   * carries on. Several parses may run at once.
   */
  parse(jobs: readonly ParseJob[], onOutcome: (outcome: ParseOutcome) => void): Promise<void>;
  /** Stops the workers; parses still running are rejected. */
  close(): Promise<void>;
}

/** Options for `createParsePool`. */
export interface ParsePoolOptions extends ParseOptions {
  /** Worker threads (default: `os.availableParallelism()`). */
  threads?: number;
  /** Most files per message to a worker (default 32); smaller near the end to keep threads busy. */
  batchSize?: number;
  /**
   * A batch still running after this long (default 60 s, plus 1 s per 100 KB of its files) is
   * taken as a hung parser: the worker is stopped and the batch retried file by file.
   */
  batchTimeoutMs?: number;
  /** The worker module (default `./worker.ts`); tests swap in one that fails on purpose. */
  workerUrl?: URL;
}

interface Call {
  remaining: number;
  onOutcome: (outcome: ParseOutcome) => void;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Task {
  job: ParseJob;
  call: Call;
  /** Set after a worker died on the task's batch: the task then runs alone. */
  isolated: boolean;
}

interface Slot {
  worker: Worker | undefined;
  batch: { id: number; tasks: Task[]; timer: NodeJS.Timeout } | undefined;
}

const defaultWorkerUrl = new URL('./worker.ts', import.meta.url);

/** Creates a pool; workers start on the first `parse` call. */
export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  return new ThreadParsePool(options);
}

class ThreadParsePool implements ParsePool {
  readonly #threads: number;
  readonly #batchSize: number;
  readonly #parseOptions: ParseOptions;
  readonly #workerUrl: URL;
  readonly #batchTimeoutMs: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Task[] = [];
  readonly #calls = new Set<Call>();
  /** Workers stopped because their batch ran too long. */
  readonly #hung = new WeakSet<Worker>();
  #nextBatch = 0;
  #closed = false;

  constructor(options: ParsePoolOptions) {
    this.#threads = Math.max(1, options.threads ?? availableParallelism());
    this.#batchSize = Math.max(1, options.batchSize ?? 32);
    this.#parseOptions = { chunks: options.chunks };
    this.#workerUrl = options.workerUrl ?? defaultWorkerUrl;
    this.#batchTimeoutMs = options.batchTimeoutMs ?? 60_000;
  }

  parse(jobs: readonly ParseJob[], onOutcome: (outcome: ParseOutcome) => void): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('The parse pool is closed; create a new one with createParsePool().'));
    if (jobs.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const call: Call = { remaining: jobs.length, onOutcome, resolve, reject };
      this.#calls.add(call);
      // Largest files first, so that no thread is left with a big file at the end.
      const sorted = [...jobs].sort((a, b) => b.size - a.size);
      for (const job of sorted) this.#queue.push({ job, call, isolated: false });
      while (this.#slots.length < this.#threads) this.#slots.push({ worker: undefined, batch: undefined });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const call of [...this.#calls]) this.#fail(call, new Error('The parse pool was closed before the parse finished.'));
    await Promise.all(this.#slots.map((slot) => slot.worker?.terminate()));
    this.#slots.length = 0;
  }

  #deliver(task: Task, outcome: ParseOutcome): void {
    const { call } = task;
    if (!this.#calls.has(call)) return; // the call failed or the pool closed
    try {
      call.onOutcome(outcome);
    } catch (error) {
      this.#fail(call, error);
      return;
    }
    if (--call.remaining === 0 && this.#calls.delete(call)) call.resolve();
  }

  #fail(call: Call, error: unknown): void {
    this.#calls.delete(call);
    const kept = this.#queue.filter((task) => task.call !== call);
    this.#queue.splice(0, this.#queue.length, ...kept);
    call.reject(error);
  }

  /** The next batch: up to `batchSize` tasks (fewer near the end), or one task that needs isolation. */
  #takeBatch(): Task[] {
    const queue = this.#queue;
    if (queue[0]?.isolated) return queue.splice(0, 1);
    const size = Math.min(this.#batchSize, Math.max(1, Math.ceil(queue.length / (this.#threads * 2))));
    let end = 0;
    while (end < size && end < queue.length && !queue[end]!.isolated) end++;
    return queue.splice(0, end);
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.batch || this.#queue.length === 0) continue;
      // Workers that died are replaced only when there is work: each death uses up work, so a
      // worker that cannot start does not respawn forever.
      const worker = (slot.worker ??= this.#startWorker(slot));
      const tasks = this.#takeBatch();
      const bytes = tasks.reduce((sum, task) => sum + task.job.size, 0);
      const timer = setTimeout(() => this.#onTimeout(worker), this.#batchTimeoutMs + bytes / 100);
      timer.unref();
      slot.batch = { id: this.#nextBatch++, tasks, timer };
      worker.ref();
      const request: WorkerRequest = { batch: slot.batch.id, jobs: tasks.map((task) => task.job), options: this.#parseOptions };
      worker.postMessage(request);
    }
  }

  #onResponse(slot: Slot, response: WorkerResponse): void {
    const batch = slot.batch;
    if (!batch || batch.id !== response.batch) return;
    clearTimeout(batch.timer);
    slot.batch = undefined;
    slot.worker?.unref();
    // Hand the worker its next batch before delivering: delivery may write to the database for a
    // while, and the worker should parse meanwhile.
    this.#dispatch();
    response.outcomes.forEach((outcome, index) => this.#deliver(batch.tasks[index]!, outcome));
  }

  /** A dead worker's batch is retried one file at a time; a file that kills a worker alone is skipped. */
  #onDeath(slot: Slot, reason: string): void {
    const batch = slot.batch;
    if (batch) clearTimeout(batch.timer);
    slot.batch = undefined;
    slot.worker = undefined;
    if (this.#closed) return;
    const [only] = batch?.tasks ?? [];
    if (batch && batch.tasks.length === 1 && only?.isolated) {
      this.#deliver(only, { path: only.job.path, status: 'skipped', hash: null, reason });
    } else if (batch) {
      const retries = batch.tasks.filter((task) => this.#calls.has(task.call));
      this.#queue.unshift(...retries.map((task) => ({ ...task, isolated: true })));
    }
    this.#dispatch();
  }

  #onTimeout(worker: Worker): void {
    this.#hung.add(worker);
    void worker.terminate();
  }

  #startWorker(slot: Slot): Worker {
    const worker = new Worker(this.#workerUrl);
    // Idle workers must not keep the process alive; `#dispatch` refs a worker while it works.
    worker.unref();
    let dead = false;
    const die = (reason: string) => {
      if (dead) return;
      dead = true;
      this.#onDeath(slot, reason);
    };
    worker.on('message', (response: WorkerResponse) => this.#onResponse(slot, response));
    worker.on('error', (error) => die(`parser crashed: ${error instanceof Error ? error.message : String(error)}`));
    worker.on('exit', (code) => die(this.#hung.has(worker) ? 'parser timed out (its worker was stopped)' : `parser crashed: worker exited with code ${code}`));
    return worker;
  }
}
