/**
 * Child process entry of the time benchmark: imports the base and the candidate function, warms both up, then
 * measures them in rounds of interleaved batches (the order alternates), each round's figure per version the
 * median of its batches. Started with `--single-threaded`: optimising compilers run on the main thread during
 * the warm-up instead of finishing in the background at a moment that depends on the machine's load.
 */
import type { EncodedValue } from '../../../evidence/differential/index.ts';
import { type Loaded, answer, argumentsFor, decodeInputs, loadFunction, mutatesArguments, pass, readRequest } from './driver-calls.ts';
import { median } from './statistics.ts';

/** The request on stdin. */
export interface TimeRequest {
  modules: { base: string; candidate: string };
  exportPath: string[];
  inputs: EncodedValue[][];
  rounds: number;
  batches: number;
  /** A batch repeats the pass until it lasts about this long. */
  minBatchMs: number;
  warmupMs: number;
}

/** The answer: milliseconds per pass over all inputs, one figure per round and side. */
export interface TimeAnswer {
  base: number[];
  candidate: number[];
  passesPerBatch: { base: number; candidate: number };
}

interface Side {
  loaded: Loaded;
  mutates: boolean;
  passes: number;
  samples: number[];
}

const maxPasses = 10_000;

async function timed(side: Side, inputs: unknown[][], passes: number): Promise<number> {
  const prepared = argumentsFor(inputs, passes, side.mutates);
  const started = performance.now();
  for (const argumentsOfPass of prepared) await pass(side.loaded, argumentsOfPass);
  return (performance.now() - started) / passes;
}

async function prepare(module: string, request: TimeRequest, inputs: unknown[][]): Promise<Side> {
  const loaded = await loadFunction(module, request.exportPath);
  return { loaded, mutates: await mutatesArguments(loaded, inputs), passes: 1, samples: [] };
}

async function main(): Promise<void> {
  const request = await readRequest<TimeRequest>();
  const inputs = decodeInputs(request.inputs);
  const sides = [await prepare(request.modules.base, request, inputs), await prepare(request.modules.candidate, request, inputs)] as const;
  for (const side of sides) {
    const until = performance.now() + request.warmupMs;
    for (let count = 0; count < 3 || performance.now() < until; count++) await timed(side, inputs, 1);
    const onePass = median([await timed(side, inputs, 1), await timed(side, inputs, 1), await timed(side, inputs, 1)]);
    side.passes = Math.min(maxPasses, Math.max(1, Math.ceil(request.minBatchMs / Math.max(onePass, 1e-6))));
  }
  for (let round = 0; round < request.rounds; round++) {
    const batches: [number[], number[]] = [[], []];
    // Batches of the two versions alternate, first one then the other, so that a burst of load
    // from elsewhere on the machine falls on both alike.
    for (let batch = 0; batch < request.batches; batch++) {
      const order = (round + batch) % 2 === 0 ? [0, 1] : [1, 0];
      for (const index of order) batches[index]!.push(await timed(sides[index]!, inputs, sides[index]!.passes));
    }
    sides.forEach((side, index) => side.samples.push(median(batches[index]!)));
  }
  const result: TimeAnswer = { base: sides[0].samples, candidate: sides[1].samples, passesPerBatch: { base: sides[0].passes, candidate: sides[1].passes } };
  answer(result);
}

main().catch((error: unknown) => answer({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
