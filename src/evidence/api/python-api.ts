/** `api_lookup` for Python: what an installed module exports, asked of the project's interpreter. */
import { CodewrightError } from '../../core/errors.ts';
import { runProcess } from '../../core/process.ts';
import { parseJson } from '../../core/result.ts';
import { projectPython } from './check-python-names.ts';
import type { LookupOptions, PackageApi } from './package-api.ts';
import { pythonApiScript } from './python-api-script.ts';

interface ScriptAnswer extends Omit<PackageApi, 'language' | 'module' | 'name'> {
  status: 'ok' | 'missing-module' | 'error';
  reason?: string;
}

/** Looks up what the Python module `module` exports for the interpreter of `root` (its virtual environment, else `python3`). */
export async function lookupPythonApi(root: string, module: string, options: LookupOptions & { python?: string; timeoutMs?: number } = {}): Promise<PackageApi> {
  if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(module)) {
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `\`${module}\` is not a Python module name. Give a dotted module name such as \`requests\` or \`os.path\`.` });
  }
  const { python } = projectPython(root, options.python ?? 'python3');
  const input = JSON.stringify({ module, name: options.name, offset: options.offset ?? 0, limit: options.limit ?? 100 });
  const run = await runProcess(python, ['-c', pythonApiScript], { cwd: root, input, timeoutMs: options.timeoutMs ?? 30_000, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  if (run.spawnError) throw new CodewrightError({ code: 'NOT_FOUND', message: `${python} is not available (${run.spawnError.message}). Install Python 3 or create a .venv in the repository.` });
  const parsed = parseJson(run.stdout.trimEnd().split('\n').at(-1) ?? '');
  if (run.timedOut || run.code !== 0 || !parsed.success || typeof parsed.value !== 'object' || parsed.value === null) {
    throw new CodewrightError({ code: 'INTERNAL', message: `Looking up ${module} with ${python} failed: ${run.timedOut ? 'timed out' : (run.stderr.trim().split('\n').at(-1) ?? `exit code ${run.code}`)}` });
  }
  const answer = parsed.value as ScriptAnswer;
  if (answer.status === 'missing-module') {
    throw new CodewrightError({ code: 'NOT_FOUND', message: `The Python module \`${module}\` is not installed for ${python} (${answer.reason}). Install it in the project's environment, or check the module name.`, data: { module } });
  }
  if (answer.status === 'error') throw new CodewrightError({ code: 'INTERNAL', message: `Importing ${module} with ${python} failed: ${answer.reason}`, data: { module } });
  const { status: _status, reason: _reason, ...rest } = answer;
  return { ...rest, language: 'python', module, ...(options.name ? { name: options.name } : {}) };
}
