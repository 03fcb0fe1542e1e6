/** Asks a Python interpreter, in the changed worktree, whether modules and attribute chains exist, with close names when not. */
import { runProcess } from '../../core/process.ts';
import { fail, ok, parseJson, type Result } from '../../core/result.ts';
import { formatDuration } from '../build/duration.ts';
import { introspectScript } from './introspect-script.ts';

/** A module and the attributes to look up on it in turn. */
export interface PythonRequest {
  module: string;
  attributes: string[];
}

/** The interpreter's answer for one request. */
export interface PythonAnswer {
  status: 'ok' | 'unchecked' | 'missing-module' | 'missing-attribute' | 'error';
  /** For a missing attribute: the index of the first attribute that is missing. */
  index?: number;
  suggestions?: string[];
  /** `json (Python 3.11 standard library)`, `requests 2.31.0 (installed)`, or a repository path. */
  owner?: string;
  /**
   * For a missing module: true when it is surely absent (a missing submodule of a present package, a typo of a
   * standard module), false when it may merely be installed elsewhere than for this interpreter.
   */
  certain?: boolean;
  reason?: string;
}

/** Runs the checks in one interpreter process; the answers come in request order. */
export async function introspectPython(
  dir: string,
  requests: readonly PythonRequest[],
  options: { python: string; timeoutMs: number; signal?: AbortSignal },
): Promise<Result<PythonAnswer[], string>> {
  if (requests.length === 0) return ok([]);
  const run = await runProcess(options.python, ['-c', introspectScript], {
    cwd: dir,
    input: JSON.stringify(requests),
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (run.spawnError) return fail(`${options.python} is not available (${run.spawnError.message})`);
  if (run.timedOut) return fail(`python introspection timed out after ${formatDuration(options.timeoutMs)}`);
  // Imported modules may print; the answers are the last line.
  const last = run.stdout.trimEnd().split('\n').at(-1) ?? '';
  const parsed = parseJson(last);
  if (run.code !== 0 || !parsed.success || !Array.isArray(parsed.value) || parsed.value.length !== requests.length) {
    return fail(`${options.python} introspection failed: ${run.stderr.trim().split('\n').at(-1) ?? `exit code ${run.code}`}`);
  }
  return ok(parsed.value as PythonAnswer[]);
}
