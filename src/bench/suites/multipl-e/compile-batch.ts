/**
 * Type-checks and emits many TypeScript programs with one `tsc`: each program is its own file and, with
 * `moduleDetection: force`, its own module, so the same function names in two tasks do not collide. Diagnostics
 * are mapped back to their file. The options follow MultiPL-E's evaluation (`tsc --target esnext`, not strict).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runProcess } from '../../../core/process.ts';

export interface CompiledBatch {
  /** File name -> its type errors (`line:column TSxxxx message`); files missing here compiled cleanly. */
  diagnostics: Map<string, string[]>;
  /** Set when tsc itself could not run or failed for no file's fault; no file of the batch can be judged. */
  environmentError?: string;
}

/** The compiler options of every batch. */
export const batchCompilerOptions = {
  target: 'esnext',
  module: 'commonjs',
  moduleDetection: 'force',
  strict: false,
  types: [],
  skipLibCheck: true,
  noEmitOnError: false,
  pretty: false,
  rootDir: 'src',
  outDir: 'out',
};

const diagnosticLine = /^src\/([^(]+)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

/** Writes `programs` (file name -> text) under `directory/src`, compiles them to `directory/out` and reads the diagnostics. */
export async function compileBatch(directory: string, programs: ReadonlyMap<string, string>, options: { timeoutMs: number; signal?: AbortSignal }): Promise<CompiledBatch> {
  mkdirSync(join(directory, 'src'), { recursive: true });
  mkdirSync(join(directory, 'out'), { recursive: true });
  for (const [file, text] of programs) writeFileSync(join(directory, 'src', file), text);
  writeFileSync(join(directory, 'tsconfig.json'), JSON.stringify({ compilerOptions: batchCompilerOptions, files: [...programs.keys()].map((file) => `src/${file}`) }));
  // The emitted files are CommonJS (the tests call require), whatever package.json sits above the scratch folder.
  writeFileSync(join(directory, 'out', 'package.json'), '{"type":"commonjs"}\n');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = await runProcess(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: directory, timeoutMs: options.timeoutMs, signal: options.signal });
  const diagnostics = new Map<string, string[]>();
  if (run.spawnError || run.timedOut) return { diagnostics, environmentError: run.timedOut ? `tsc timed out after ${(run.durationMs / 1000).toFixed(0)} s` : `could not start tsc (${run.spawnError?.message})` };
  const unplaced: string[] = [];
  for (const line of run.stdout.split('\n')) {
    const match = diagnosticLine.exec(line.trim());
    if (match) diagnostics.set(match[1] ?? '', [...(diagnostics.get(match[1] ?? '') ?? []), `${match[2]}:${match[3]} ${match[4]} ${match[5]}`]);
    else if (/error TS\d+/.test(line)) unplaced.push(line.trim());
  }
  if (run.code !== 0 && diagnostics.size === 0) return { diagnostics, environmentError: `tsc failed: ${unplaced[0] ?? run.stderr.trim().split('\n')[0] ?? `exit code ${run.code}`}` };
  return { diagnostics };
}
