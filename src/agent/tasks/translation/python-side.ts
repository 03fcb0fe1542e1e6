/** Runs Python modules for translate through the driver script: describe functions, call them on inputs, harvest test inputs. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runProcess } from '../../../core/process.ts';
import { parseJson, type Result, fail, ok } from '../../../core/result.ts';
import type { Constants } from '../../../evidence/differential/constants.ts';
import type { CallOutcome, EncodedValue } from '../../../evidence/differential/index.ts';
import { findPython } from '../../../evidence/tests/find-python.ts';
import type { InputShape } from './input-shape.ts';
import { pythonDriver } from './python-driver.ts';

/** A parameter as Python declares it; `shape` is undefined without a usable type hint. */
export interface PythonParameter {
  name: string;
  kind: 'positional' | 'rest' | 'keyword' | 'kwargs';
  optional: boolean;
  shape: InputShape | null;
}

/** A public function of a Python module. */
export interface PythonFunction {
  name: string;
  parameters: PythonParameter[];
  constants: Constants;
}

/** Runs the driver of one request with python3 (the worktree's virtualenv first). */
export interface PythonRunner {
  python: string;
  request(request: Record<string, unknown>, cwd: string, timeoutMs: number): Promise<Result<Record<string, unknown>, string>>;
}

/** A runner, or why Python cannot run here. */
export async function createPythonRunner(folders: readonly string[]): Promise<Result<PythonRunner, string>> {
  const python = await findPython(folders);
  if (!python) return fail('python3 not found: install Python 3 to compare Python code');
  return ok({
    python,
    async request(request, cwd, timeoutMs) {
      const scratch = await mkdtemp(path.join(tmpdir(), 'codewright-translate-'));
      try {
        const driver = path.join(scratch, 'codewright_translate_driver.py');
        await writeFile(driver, pythonDriver);
        const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8' };
        const result = await runProcess(python, ['-B', driver], { cwd, env, timeoutMs, input: JSON.stringify(request) });
        if (result.spawnError) return fail(`could not start ${python}: ${result.spawnError.message}`);
        if (result.timedOut) return fail(`the Python driver did not finish within ${timeoutMs} ms`);
        const line = result.stdout.trim().split('\n').pop() ?? '';
        const parsed = parseJson(line);
        if (!parsed.success || typeof parsed.value !== 'object' || parsed.value === null) {
          const reason = result.stderr.trim().split('\n').slice(-1)[0] ?? `exit code ${result.code}`;
          return fail(`the Python driver failed: ${reason}`);
        }
        const answer = parsed.value as Record<string, unknown>;
        return typeof answer.error === 'string' ? fail(answer.error) : ok(answer);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },
  });
}

/** The public functions of `file` (absolute) with their parameters and literals. */
export async function describePython(runner: PythonRunner, root: string, file: string, timeoutMs: number): Promise<Result<PythonFunction[], string>> {
  const answer = await runner.request({ mode: 'describe', root, file }, root, timeoutMs);
  return answer.success ? ok(answer.value.functions as PythonFunction[]) : answer;
}

/** One outcome per argument list; a call that outlives `callTimeoutMs` is a `timeout`, and `maxTimeouts` of them end the run early. */
export async function callPython(
  runner: PythonRunner,
  target: { root: string; file: string; name: string },
  inputs: readonly EncodedValue[][],
  options: { callTimeoutMs: number; timeoutMs: number; maxTimeouts: number },
): Promise<Result<CallOutcome[], string>> {
  const request = { mode: 'call', ...target, inputs, callTimeoutSeconds: options.callTimeoutMs / 1000, maxTimeouts: options.maxTimeouts };
  const budget = options.timeoutMs + options.maxTimeouts * options.callTimeoutMs;
  const answer = await runner.request(request, target.root, budget);
  return answer.success ? ok(answer.value.outcomes as CallOutcome[]) : answer;
}

/** Literal argument lists of calls to `names` in the Python test `files` (absolute), per name. */
export async function harvestPython(runner: PythonRunner, cwd: string, files: readonly string[], names: readonly string[], timeoutMs: number): Promise<Map<string, EncodedValue[][]>> {
  if (files.length === 0 || names.length === 0) return new Map();
  const answer = await runner.request({ mode: 'harvest', files, names }, cwd, timeoutMs);
  if (!answer.success) return new Map();
  return new Map(Object.entries(answer.value.inputs as Record<string, EncodedValue[][]>));
}
