/**
 * A parse worker for tests: it dies (exit code 3) on a batch holding a file whose path contains
 * `crash`, and never answers a batch holding a file whose path contains `hang`.
 */
import { runBatch, serveBatches } from '../run-batch.ts';

serveBatches(async (jobs, options) => {
  if (jobs.some((job) => job.path.includes('crash'))) process.exit(3);
  if (jobs.some((job) => job.path.includes('hang'))) await new Promise(() => setInterval(() => {}, 1000));
  return runBatch(jobs, options);
});
