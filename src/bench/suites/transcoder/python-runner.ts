/** Runs filled Python test scripts with python3, one process per script, `workers` at a time. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../../../core/process.ts';
import { mapLimit } from '../multipl-e/map-limit.ts';
import { outcomeOfRun, type FilledScript, type RunnerOptions, type ScriptOutcome } from './script-outcome.ts';

/** Runs each script in its own python3 process; the outcomes come back in input order. */
export async function runPythonScripts(scripts: readonly FilledScript[], options: RunnerOptions): Promise<ScriptOutcome[]> {
  const folder = join(options.directory, 'python');
  mkdirSync(folder, { recursive: true });
  return mapLimit(scripts, options.workers, async (script, index) => {
    const file = join(folder, `s${index}_${script.id}.py`);
    writeFileSync(file, script.program);
    const run = await runProcess('python3', [file], { cwd: folder, timeoutMs: options.timeoutMs, signal: options.signal, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    return outcomeOfRun(run, 'python3');
  });
}
