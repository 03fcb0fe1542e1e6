/** Finds a Python 3 interpreter for a worktree: the project's virtualenv first, then python3 on PATH. */
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { runProcess } from '../../core/process.ts';

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function isPython3(path: string, cwd: string): Promise<boolean> {
  const result = await runProcess(path, ['-c', 'import sys; print(sys.version_info[0])'], { cwd, timeoutMs: 20_000 });
  return result.code === 0 && result.stdout.trim() === '3';
}

/** The interpreter to use, looking in `folders` (worktree, repository) for .venv/venv, then PATH; undefined when none. */
export async function findPython(folders: readonly string[]): Promise<string | undefined> {
  const candidates: string[] = [];
  for (const folder of folders) for (const venv of ['.venv', 'venv']) candidates.push(join(folder, venv, 'bin', 'python'));
  for (const name of ['python3', 'python']) {
    for (const folder of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) candidates.push(join(folder, name));
  }
  for (const candidate of candidates) {
    if ((await executable(candidate)) && (await isPython3(candidate, folders[0] ?? process.cwd()))) return candidate;
  }
  return undefined;
}

/** True when `python` can import `module` in `cwd`. */
export async function canImport(python: string, module: string, cwd: string): Promise<boolean> {
  const result = await runProcess(python, ['-c', `import ${module}`], { cwd, timeoutMs: 30_000 });
  return result.code === 0;
}
