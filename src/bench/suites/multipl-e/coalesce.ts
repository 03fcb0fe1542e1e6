/**
 * Gathers single scoring calls that arrive close together into one batch: the bench engine scores attempts
 * one by one (from several workers at once), and one tsc for many files costs about what one tsc for one file does.
 */

export interface Coalescer<T, R> {
  /** Queues `item`; resolves with its result once its batch is done. */
  add(item: T): Promise<R>;
}

/** Runs `work` on the items queued within `waitMs` of the first one, or as soon as `maxBatch` are queued. */
export function createCoalescer<T, R>(work: (items: T[]) => Promise<R[]>, options: { waitMs: number; maxBatch: number }): Coalescer<T, R> {
  let queue: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = queue;
    queue = [];
    work(batch.map((entry) => entry.item)).then(
      (results) => batch.forEach((entry, index) => entry.resolve(results[index] as R)),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
  };
  return {
    add: (item) =>
      new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (queue.length >= options.maxBatch) flush();
        else timer ??= setTimeout(flush, options.waitMs);
      }),
  };
}
