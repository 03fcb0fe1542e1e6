/** Compiles filled C++ test scripts with g++ (with a precompiled standard header) and runs them, `workers` at a time. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../../../core/process.ts';
import { mapLimit } from '../multipl-e/map-limit.ts';
import { cppStandard, precompiledHeader } from './gxx-pch.ts';
import { firstError, outcomeOf, outcomeOfRun, type FilledScript, type RunnerOptions, type ScriptOutcome } from './script-outcome.ts';

/** Compiles and runs each script; a compile error fails that script only. */
export async function runCppScripts(scripts: readonly FilledScript[], options: RunnerOptions): Promise<ScriptOutcome[]> {
  const folder = join(options.directory, 'cpp');
  mkdirSync(folder, { recursive: true });
  const header = await precompiledHeader();
  return mapLimit(scripts, options.workers, async (script, index) => {
    const base = join(folder, `s${index}_${script.id}`);
    writeFileSync(`${base}.cpp`, script.program);
    const args = [cppStandard, ...(header ? ['-include', header] : []), '-o', base, `${base}.cpp`];
    const compiled = await runProcess('g++', args, { cwd: folder, timeoutMs: options.timeoutMs * 3, signal: options.signal });
    if (compiled.spawnError) return outcomeOf('environment-error', `could not start g++ (${compiled.spawnError.message}); install it and score again`);
    if (compiled.timedOut) return outcomeOf('failed', 'g++ timed out', compiled.durationMs / 1000);
    if (compiled.code !== 0) return outcomeOf('failed', `does not compile: ${firstError(compiled.stderr)}`, compiled.durationMs / 1000);
    const run = await runProcess(base, [], { cwd: folder, timeoutMs: options.timeoutMs, signal: options.signal });
    const outcome = outcomeOfRun(run, base);
    return { ...outcome, seconds: outcome.seconds + compiled.durationMs / 1000 };
  });
}
