/** A pool of worker threads that parse files in batches and stream the outcomes back. */
import module from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WorkerMessage, WorkerRequest, WorkerResponse } from './run-batch.ts';
import type { ParseJob, ParseOptions, ParseOutcome } from './types.ts';
import { fromWire } from './wire-outcome.ts';

export type { ParseJob, ParseOptions, ParseOutcome } from './types.ts';

/** Parses files on worker threads. */
export interface ParsePool {
  /**
   * Parses `jobs` and calls `onOutcome` once per job, in no particular order, as batches finish.
   * Resolves when every job has an outcome; rejects if `onOutcome` throws. A file that breaks the
   * parser, or even kills its worker, comes back `skipped` with the error as reason; the pool
   * carries on. Several parses may run at once.
   *
   * `onIdle`, once no job is left to hand out, is called whenever this thread has handled the outcomes
   * that arrived and has nothing to parse: the workers still finish their last batches, so what the
   * caller does then (write pending outcomes) is not left for after the last one.
   */
  parse(jobs: readonly ParseJob[], onOutcome: (outcome: ParseOutcome) => void, onIdle?: () => void): Promise<void>;
  /**
   * Starts the workers now instead of on the first `parse`, so that they load their modules while
   * the caller still lists files. Idle workers do not keep the process alive.
   */
  start(): void;
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
   * Batches sent to a worker before it answers (default 2): the next batch waits in the worker, so
   * that it never idles while this thread is busy writing outcomes.
   */
  batchesInFlight?: number;
  /**
   * A batch still running after this long (default 60 s, plus 1 s per 100 KB of its files) is
   * taken as a hung parser: the worker is stopped and the batch retried file by file.
   */
  batchTimeoutMs?: number;
  /** The worker module (default `./worker.ts`); tests swap in one that fails on purpose. */
  workerUrl?: URL;
  /**
   * Parse on this thread too, one file at a time whenever it has nothing else to do (default false).
   * `threads` then counts this thread: one worker fewer, so that on two cores two threads are busy
   * instead of three, one isolate fewer warms up, and the time this thread would wait for the
   * workers' first outcomes goes into parsing. This thread takes the smallest files (the workers the
   * largest) and, while workers run, only files up to `mainThreadMaxBytes`.
   */
  mainThread?: boolean;
  /** Largest file this thread parses while there are workers (default 256 KiB). */
  mainThreadMaxBytes?: number;
}

interface Call {
  remaining: number;
  onOutcome: (outcome: ParseOutcome) => void;
  onIdle: (() => void) | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Task {
  job: ParseJob;
  call: Call;
  /** Set after a worker died on the task's batch: the task then runs alone. */
  isolated: boolean;
}

interface Batch {
  id: number;
  tasks: Task[];
  /** Set while the worker works on this batch (the first in flight). */
  timer: NodeJS.Timeout | undefined;
}

interface Slot {
  worker: Worker | undefined;
  /** True once the worker has loaded its modules: only then does a batch's time limit run. */
  ready: boolean;
  /** Batches sent and not answered, in the order the worker runs them. */
  batches: Batch[];
}

/** A worker that has not loaded its modules after this long is taken as hung. */
const minimumStartTimeoutMs = 30_000;

const defaultWorkerUrl = new URL('./worker.ts', import.meta.url);

/**
 * The code a worker starts with: plain JavaScript that turns on the parent's compile cache (a worker
 * does not inherit it) before the TypeScript modules load, so that the worker neither strips types
 * again nor loads the type stripper.
 */
function workerBootstrap(workerUrl: URL): string {
  const cacheDirectory = module.getCompileCacheDir?.();
  const enable = cacheDirectory ? `require('node:module').enableCompileCache?.(${JSON.stringify(cacheDirectory)});\n` : '';
  return `${enable}import(${JSON.stringify(workerUrl.href)});\n`;
}

/** Creates a pool; workers start on the first `parse` call. */
export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  return new ThreadParsePool(options);
}

class ThreadParsePool implements ParsePool {
  readonly #threads: number;
  readonly #batchSize: number;
  readonly #inFlight: number;
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
  readonly #mainThread: boolean;
  readonly #mainThreadMaxBytes: number;
  /** True while this thread's parse loop is scheduled or running. */
  #mainLooping = false;

  constructor(options: ParsePoolOptions) {
    this.#mainThread = options.mainThread === true;
    this.#mainThreadMaxBytes = options.mainThreadMaxBytes ?? 256 * 1024;
    const threads = Math.max(1, options.threads ?? availableParallelism());
    // Worker threads: this thread is one of `threads` when it parses too.
    this.#threads = this.#mainThread ? threads - 1 : threads;
    this.#batchSize = Math.max(1, options.batchSize ?? 32);
    this.#inFlight = Math.max(1, options.batchesInFlight ?? 2);
    this.#parseOptions = { chunks: options.chunks };
    this.#workerUrl = options.workerUrl ?? defaultWorkerUrl;
    this.#batchTimeoutMs = options.batchTimeoutMs ?? 60_000;
  }

  parse(jobs: readonly ParseJob[], onOutcome: (outcome: ParseOutcome) => void, onIdle?: () => void): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('The parse pool is closed; create a new one with createParsePool().'));
    if (jobs.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const call: Call = { remaining: jobs.length, onOutcome, onIdle, resolve, reject };
      this.#calls.add(call);
      // Largest files first, so that no thread is left with a big file at the end.
      const sorted = [...jobs].sort((a, b) => b.size - a.size);
      for (const job of sorted) this.#queue.push({ job, call, isolated: false });
      this.#fillSlots();
      this.#dispatch();
      this.#startMainLoop();
    });
  }

  start(): void {
    if (this.#closed) return;
    this.#fillSlots();
    for (const slot of this.#slots) slot.worker ??= this.#startWorker(slot);
    // This thread's parse modules and the tree-sitter runtime load now too, while the caller waits for its file list.
    // (A failure shows when the parse loop imports them again.)
    if (this.#mainThread) {
      import('./run-batch.ts')
        .then(() => import('./grammars.ts'))
        .then((grammars) => grammars.loadRuntime())
        .catch(() => {});
    }
  }

  #fillSlots(): void {
    while (this.#slots.length < this.#threads) this.#slots.push({ worker: undefined, ready: false, batches: [] });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const call of [...this.#calls]) this.#fail(call, new Error('The parse pool was closed before the parse finished.'));
    await Promise.all(this.#slots.map((slot) => slot.worker?.terminate()));
    this.#slots.length = 0;
  }

  #startMainLoop(): void {
    if (!this.#mainThread || this.#mainLooping || this.#closed) return;
    this.#mainLooping = true;
    setImmediate(() => {
      this.#mainLoop().catch((error: unknown) => {
        // runBatch turns every parse failure into an outcome: only a failure to load it lands here.
        for (const call of [...this.#calls]) this.#fail(call, error);
      });
    });
  }

  /**
   * This thread's share: the smallest file left, parsed here, then a turn of the event loop (the
   * workers' outcomes are handled in between, and they get their next batches first).
   */
  async #mainLoop(): Promise<void> {
    try {
      const { runBatch } = await import('./run-batch.ts');
      for (;;) {
        const task = this.#takeForMainThread();
        if (!task) {
          this.#idle();
          return;
        }
        const [outcome] = await runBatch([task.job], this.#parseOptions);
        this.#deliver(task, outcome!);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.#mainLooping = false;
    }
  }

  /** The smallest queued file this thread may parse, or undefined. */
  #takeForMainThread(): Task | undefined {
    if (this.#closed) return undefined;
    const queue = this.#queue;
    const last = queue[queue.length - 1];
    // A retry after a worker died runs in a worker, alone; large files are the workers' while there are any.
    if (!last || last.isolated) return undefined;
    if (this.#threads > 0 && last.job.size > this.#mainThreadMaxBytes) return undefined;
    return queue.pop();
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

  /**
   * The next batch: up to `batchSize` tasks, or one task that needs isolation. Near the end a batch
   * holds at most a share of the bytes left (the largest files go first, and this thread takes the
   * smallest), so that no thread is left waiting while another parses a long batch.
   */
  #takeBatch(): Task[] {
    const queue = this.#queue;
    if (queue[0]?.isolated) return queue.splice(0, 1);
    const consumers = this.#threads + (this.#mainThread ? 1 : 0);
    const share = queue.reduce((bytes, task) => bytes + task.job.size, 0) / (consumers * 2);
    let end = 0;
    let bytes = 0;
    while (end < this.#batchSize && end < queue.length && !queue[end]!.isolated) {
      bytes += queue[end]!.job.size;
      if (end > 0 && bytes > share) break;
      end++;
    }
    return queue.splice(0, end);
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      while (this.#queue.length > 0 && this.#hasRoom(slot)) {
        // Workers that died are replaced only when there is work: each death uses up work, so a
        // worker that cannot start does not respawn forever.
        const worker = (slot.worker ??= this.#startWorker(slot));
        const batch: Batch = { id: this.#nextBatch++, tasks: this.#takeBatch(), timer: undefined };
        slot.batches.push(batch);
        if (slot.batches.length === 1 && slot.ready) this.#startTimer(worker, batch);
        worker.ref();
        const request: WorkerRequest = { batch: batch.id, jobs: batch.tasks.map((task) => task.job), options: this.#parseOptions };
        worker.postMessage(request);
      }
    }
  }

  /** A batch that must run alone (a retry after a death) is neither queued behind nor ahead of another. */
  #hasRoom(slot: Slot): boolean {
    if (slot.batches.length === 0) return true;
    if (slot.batches.length >= this.#inFlight || slot.batches.some((batch) => batch.tasks[0]?.isolated)) return false;
    return !this.#queue[0]?.isolated;
  }

  /** Times the batch the worker works on now (batches wait their turn inside the worker untimed). */
  #startTimer(worker: Worker, batch: Batch): void {
    const bytes = batch.tasks.reduce((sum, task) => sum + task.job.size, 0);
    batch.timer = setTimeout(() => this.#onTimeout(worker), this.#batchTimeoutMs + bytes / 100);
    batch.timer.unref();
  }

  #onResponse(slot: Slot, response: WorkerResponse): void {
    const batch = slot.batches[0];
    if (!batch || batch.id !== response.batch) return;
    clearTimeout(batch.timer);
    slot.batches.shift();
    if (slot.worker && slot.batches[0]) this.#startTimer(slot.worker, slot.batches[0]);
    // Hand the worker its next batch before delivering: delivery may write to the database for a
    // while, and the worker should parse meanwhile.
    this.#dispatch();
    if (slot.batches.length === 0) slot.worker?.unref();
    response.outcomes.forEach((outcome, index) => this.#deliver(batch.tasks[index]!, fromWire(outcome)));
    // Without a parse loop running here, this thread waits for the next response: a moment to write.
    if (!this.#mainLooping) this.#idle();
  }

  /** Tells the calls still waiting for outcomes that this thread is idle, once there is no job left to hand out. */
  #idle(): void {
    if (this.#queue.length > 0) return;
    for (const call of [...this.#calls]) {
      if (!call.onIdle) continue;
      try {
        call.onIdle();
      } catch (error) {
        this.#fail(call, error);
      }
    }
  }

  /**
   * A dead worker's current batch is retried one file at a time, and a file that kills a worker alone
   * is skipped; the batches waiting behind it go back to the queue as they were.
   */
  #onDeath(slot: Slot, reason: string): void {
    const [batch, ...waiting] = slot.batches;
    for (const sent of slot.batches) clearTimeout(sent.timer);
    slot.batches = [];
    slot.worker = undefined;
    slot.ready = false;
    if (this.#closed) return;
    const live = (tasks: Task[]) => tasks.filter((task) => this.#calls.has(task.call));
    this.#queue.unshift(...waiting.flatMap((sent) => live(sent.tasks)));
    const [only] = batch?.tasks ?? [];
    if (batch && batch.tasks.length === 1 && only?.isolated) {
      this.#deliver(only, { path: only.job.path, status: 'skipped', hash: null, reason });
    } else if (batch) {
      this.#queue.unshift(...live(batch.tasks).map((task) => ({ ...task, isolated: true })));
    }
    this.#dispatch();
  }

  #onTimeout(worker: Worker): void {
    this.#hung.add(worker);
    void worker.terminate();
  }

  #startWorker(slot: Slot): Worker {
    const worker = new Worker(workerBootstrap(this.#workerUrl), { eval: true });
    // Idle workers must not keep the process alive; `#dispatch` refs a worker while it works.
    worker.unref();
    slot.ready = false;
    const startTimer = setTimeout(() => this.#onTimeout(worker), Math.max(this.#batchTimeoutMs, minimumStartTimeoutMs));
    startTimer.unref();
    let dead = false;
    const die = (reason: string) => {
      if (dead) return;
      dead = true;
      clearTimeout(startTimer);
      this.#onDeath(slot, reason);
    };
    worker.on('message', (message: WorkerMessage) => {
      if ('batch' in message) return this.#onResponse(slot, message);
      clearTimeout(startTimer);
      slot.ready = true;
      const [current] = slot.batches;
      if (current) this.#startTimer(worker, current);
    });
    worker.on('error', (error) => die(`parser crashed: ${error instanceof Error ? error.message : String(error)}`));
    worker.on('exit', (code) => die(this.#hung.has(worker) ? 'parser timed out (its worker was stopped)' : `parser crashed: worker exited with code ${code}`));
    return worker;
  }
}
