/** Runs jobs with at most N at a time; the first error stops new jobs, lets running ones finish, and is rethrown. */

/** Calls `work` on each item, `workers` at a time, in order of the items; `stop()` true takes no more. */
export async function runPool<T>(items: readonly T[], workers: number, work: (item: T) => Promise<void>, stop: () => boolean = () => false): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && !stop() && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, items.length)) }, worker));
  if (failure) throw failure.error;
}
