/**
 * A parse worker for tests: it dies (exit code 3) on a batch holding a file whose path contains
 * `crash`, never answers a batch holding a file whose path contains `hang`, and answers one holding a
 * file whose path contains `slow` after half a second.
 */
import { runBatch, serveBatches } from '../run-batch.ts';

serveBatches(async (jobs, options) => {
  if (jobs.some((job) => job.path.includes('crash'))) process.exit(3);
  if (jobs.some((job) => job.path.includes('hang'))) await new Promise(() => setInterval(() => {}, 1000));
  if (jobs.some((job) => job.path.includes('slow'))) await new Promise((resolve) => setTimeout(resolve, 500));
  return runBatch(jobs, options);
});
