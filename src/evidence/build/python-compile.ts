/** Compiles Python files with the interpreter's own parser (what `python3 -m py_compile` does), writing no bytecode. */
import { runProcess } from '../../core/process.ts';
import { fail, ok, parseJson, type Result } from '../../core/result.ts';
import { formatDuration } from './duration.ts';
import type { TypeDiagnostic } from './tsc-output.ts';

const script = `
import json, sys
errors = []
for path in json.load(sys.stdin):
    try:
        with open(path, 'rb') as handle:
            compile(handle.read(), path, 'exec', dont_inherit=True)
    except FileNotFoundError:
        pass
    except SyntaxError as error:
        errors.append({'path': path, 'line': error.lineno or 0, 'column': error.offset or 0, 'type': type(error).__name__, 'message': error.msg})
    except (ValueError, OSError) as error:
        errors.append({'path': path, 'line': 0, 'column': 0, 'type': type(error).__name__, 'message': str(error)})
print(json.dumps(errors))
`;

interface PythonError {
  path: string;
  line: number;
  column: number;
  type: string;
  message: string;
}

/** Syntax errors of the given repository-relative Python files of `dir`, or why Python could not run. */
export async function pythonSyntaxErrors(
  dir: string,
  paths: readonly string[],
  options: { python: string; timeoutMs: number; signal?: AbortSignal },
): Promise<Result<TypeDiagnostic[], string>> {
  const run = await runProcess(options.python, ['-c', script], {
    cwd: dir,
    timeoutMs: options.timeoutMs,
    input: JSON.stringify(paths),
    signal: options.signal,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (run.spawnError) return fail(`${options.python} is not available (${run.spawnError.message})`);
  if (run.timedOut) return fail(`python compile timed out after ${formatDuration(options.timeoutMs)}`);
  const parsed = parseJson(run.stdout.trim());
  if (run.code !== 0 || !parsed.success || !Array.isArray(parsed.value)) {
    return fail(`${options.python} failed: ${run.stderr.trim().split('\n').at(-1) ?? `exit code ${run.code}`}`);
  }
  return ok(
    (parsed.value as PythonError[]).map((error) => ({
      path: error.path,
      line: error.line,
      column: error.column,
      code: error.type,
      category: 'error' as const,
      message: error.message,
    })),
  );
}
