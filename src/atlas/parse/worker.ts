/** Worker-thread entry of the parse pool: serves batches of files (see `run-batch.ts`). */
import { serveBatches } from './run-batch.ts';

serveBatches();
