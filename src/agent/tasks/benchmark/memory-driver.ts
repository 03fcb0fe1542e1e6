/**
 * Child process entry of the memory benchmark, one side per process: after a warm-up (steady state, optimised code), each sample is the heap
 * and resident-set growth over one pass, from a collected heap, with every result kept alive until the pass ends.
 * Started with `--expose-gc`, `--single-threaded` (the optimising compilers finish within the warm-up whatever the
 * machine's load) and a young generation large enough that no collection runs inside a pass.
 */
import type { EncodedValue } from '../../../evidence/differential/index.ts';
import { answer, argumentsFor, call, decodeInputs, loadFunction, mutatesArguments, pass, readRequest, sink } from './driver-calls.ts';

/** The request on stdin. */
export interface MemoryRequest {
  module: string;
  exportPath: string[];
  inputs: EncodedValue[][];
  samples: number;
  /** Calls run until this long has passed (and at least ten passes): until optimised, code allocates what optimised code does not. */
  warmupMs: number;
}

/** Bytes per pass over all inputs, one figure per sample. */
export interface MemoryAnswer {
  heap: number[];
  rss: number[];
}

const collect = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  if (!collect) throw new Error('the memory driver needs --expose-gc');
  const request = await readRequest<MemoryRequest>();
  const inputs = decodeInputs(request.inputs);
  const loaded = await loadFunction(request.module, request.exportPath);
  const mutates = await mutatesArguments(loaded, inputs);
  const until = performance.now() + request.warmupMs;
  for (let count = 0; count < 10 || performance.now() < until; count++) await pass(loaded, argumentsFor(inputs, 1, mutates)[0]!);
  const result: MemoryAnswer = { heap: [], rss: [] };
  for (let sample = 0; sample < request.samples; sample++) {
    const [argumentsOfPass] = argumentsFor(inputs, 1, mutates);
    const kept: unknown[] = [];
    sink.value = undefined;
    collect();
    collect();
    const before = process.memoryUsage();
    for (const args of argumentsOfPass!) {
      const pending = call(loaded, args);
      if (pending) await pending;
      kept.push(sink.value);
    }
    const after = process.memoryUsage();
    result.heap.push(after.heapUsed - before.heapUsed);
    result.rss.push(after.rss - before.rss);
    kept.length = 0;
  }
  answer(result);
}

main().catch((error: unknown) => answer({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
