/** Runs the benchmark drivers as child processes: time in one process with both versions, memory in alternating processes per version. */
import { fileURLToPath } from 'node:url';
import { runProcess } from '../../../core/process.ts';
import { type Result, fail, ok, parseJson } from '../../../core/result.ts';
import type { EncodedValue } from '../../../evidence/differential/index.ts';
import type { MemoryAnswer, MemoryRequest } from './memory-driver.ts';
import type { TimeAnswer, TimeRequest } from './time-driver.ts';

/** Repetitions of the benchmark; every field has a default in `benchmarkDefaults`. */
export interface BenchmarkSettings {
  /** Time: interleaved rounds, one figure per round and version. */
  rounds: number;
  /** Time: batches per round, the round's figure is their median. */
  batches: number;
  /** Time: a batch repeats the workload until it lasts about this long. */
  minBatchMs: number;
  /** Both: calls before measuring, until the engine has optimised the code. */
  warmupMs: number;
  /** Memory: processes per version, started alternately. */
  memoryProcesses: number;
  /** Memory: figures per process. */
  memorySamples: number;
}

export const benchmarkDefaults: BenchmarkSettings = { rounds: 30, batches: 5, minBatchMs: 5, warmupMs: 200, memoryProcesses: 6, memorySamples: 5 };

/** What to benchmark: the function in both versions and the workload. */
export interface BenchmarkTarget {
  baseModule: string;
  candidateModule: string;
  exportPath: string[];
  inputs: EncodedValue[][];
  /** Where the drivers run (the candidate's worktree). */
  cwd: string;
}

const typeFlags = ['--experimental-transform-types', '--disable-warning=ExperimentalWarning', '--single-threaded'];
const memoryFlags = ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64'];
const driver = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

async function runDriver<T>(script: string, flags: readonly string[], request: unknown, cwd: string, timeoutMs: number): Promise<Result<T, string>> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const result = await runProcess(process.execPath, [...typeFlags, ...flags, driver(script)], { cwd, env, timeoutMs, input: JSON.stringify(request) });
  if (result.spawnError) return fail(`the benchmark could not start: ${result.spawnError.message}`);
  if (result.timedOut) return fail(`the benchmark did not finish within ${timeoutMs} ms: use fewer rounds or a smaller workload`);
  const parsed = parseJson(result.stdout.trim().split('\n').pop() ?? '');
  if (!parsed.success || typeof parsed.value !== 'object' || parsed.value === null) {
    return fail(`the benchmark failed: ${result.stderr.trim().split('\n').pop() ?? `exit code ${result.code}`}`);
  }
  const value = parsed.value as { error?: unknown };
  return typeof value.error === 'string' ? fail(`the benchmark failed: ${value.error}`) : ok(parsed.value as T);
}

/** The figures of both versions, all together and per measuring process. */
export interface MeasuredTime extends TimeAnswer {
  groups: { base: number[]; candidate: number[] }[];
}

/**
 * Milliseconds per pass over the workload, one figure per round, for each version. The rounds are split over two
 * processes that load and warm the versions in opposite orders: whichever goes second in a process can profit
 * from what the first left behind (type feedback on the shared inputs, the state of the heap), and measured in one
 * process that bias alone made identical code look a few per cent faster at times.
 */
export async function measureTime(target: BenchmarkTarget, settings: BenchmarkSettings, timeoutMs: number): Promise<Result<MeasuredTime, string>> {
  const merged: MeasuredTime = { base: [], candidate: [], passesPerBatch: { base: 0, candidate: 0 }, groups: [] };
  const deadline = Date.now() + timeoutMs;
  const halves = [Math.ceil(settings.rounds / 2), Math.floor(settings.rounds / 2)];
  for (const [index, rounds] of halves.entries()) {
    if (rounds === 0) continue;
    const swapped = index === 1;
    const request: TimeRequest = {
      modules: swapped ? { base: target.candidateModule, candidate: target.baseModule } : { base: target.baseModule, candidate: target.candidateModule },
      exportPath: target.exportPath,
      inputs: target.inputs,
      rounds,
      batches: settings.batches,
      minBatchMs: settings.minBatchMs,
      warmupMs: settings.warmupMs,
    };
    const answer = await runDriver<TimeAnswer>('time-driver.ts', [], request, target.cwd, Math.max(1, deadline - Date.now()));
    if (!answer.success) return answer;
    const { base, candidate, passesPerBatch } = answer.value;
    const group = swapped ? { base: candidate, candidate: base } : { base, candidate };
    merged.groups.push(group);
    merged.base.push(...group.base);
    merged.candidate.push(...group.candidate);
    merged.passesPerBatch.base = Math.max(merged.passesPerBatch.base, swapped ? passesPerBatch.candidate : passesPerBatch.base);
    merged.passesPerBatch.candidate = Math.max(merged.passesPerBatch.candidate, swapped ? passesPerBatch.base : passesPerBatch.candidate);
  }
  return ok(merged);
}

/** Heap and resident-set growth per pass over the workload, for each version, from separate processes. */
export async function measureMemory(target: BenchmarkTarget, settings: BenchmarkSettings, timeoutMs: number): Promise<Result<{ base: MemoryAnswer; candidate: MemoryAnswer }, string>> {
  const figures = { base: { heap: [] as number[], rss: [] as number[] }, candidate: { heap: [] as number[], rss: [] as number[] } };
  for (let index = 0; index < settings.memoryProcesses; index++) {
    const order = index % 2 === 0 ? (['base', 'candidate'] as const) : (['candidate', 'base'] as const);
    for (const side of order) {
      const module = side === 'base' ? target.baseModule : target.candidateModule;
      const request: MemoryRequest = { module, exportPath: target.exportPath, inputs: target.inputs, samples: settings.memorySamples, warmupMs: settings.warmupMs };
      const answer = await runDriver<MemoryAnswer>('memory-driver.ts', memoryFlags, request, target.cwd, timeoutMs);
      if (!answer.success) return answer;
      figures[side].heap.push(...answer.value.heap);
      figures[side].rss.push(...answer.value.rss);
    }
  }
  return ok(figures);
}
