/** Messages between the worker pool and the resolve workers. */
import type { ResolvedBatch } from './backend.ts';
import type { ProgramPlan } from './plan-programs.ts';

/** Sent once, as `workerData`. */
export interface WorkerSetup {
  root: string;
  batchSize: number;
  /** Batches a worker may have unacknowledged before it waits. */
  window: number;
}

/** A program job, or the consumer's acknowledgement of one batch. */
export type ToWorker = { type: 'job'; plan: ProgramPlan; files: string[] } | { type: 'ack' };

/** A batch, the end of a job (ask for the next), or readiness after start-up. */
export type FromWorker = { type: 'batch'; batch: ResolvedBatch } | { type: 'job-done' } | { type: 'ready' };
