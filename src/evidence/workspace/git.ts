/** Runs git for the evidence layer: stable output, no prompts, hooks or optional locks, and clear errors. */
import { CodewrightError } from '../../core/errors.ts';
import type { RunResult } from '../../core/process.ts';
import { runProcess } from '../../core/process.ts';

/** How to run one git command. */
export interface GitOptions {
  cwd: string;
  /** The process group is killed after this many milliseconds. */
  timeoutMs: number;
  /** Extra environment, e.g. `GIT_INDEX_FILE`. */
  env?: Record<string, string>;
  input?: string;
  maxOutputBytes?: number;
  signal?: AbortSignal;
}

// Set when codewright runs inside a git hook; they would point git at the user's repository or index.
const inherited = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_NAMESPACE'];

// User configuration that would change what these commands print or run.
const configuration = [
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'core.quotePath=true',
  '-c', 'core.fsmonitor=false',
  '-c', 'core.splitIndex=false',
  '-c', 'gc.auto=0',
  '-c', 'advice.detachedHead=false',
  '-c', 'diff.noprefix=false',
  '-c', 'diff.mnemonicPrefix=false',
  '-c', 'submodule.recurse=false',
];

function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of inherited) delete env[name];
  return { ...env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_LFS_SKIP_SMUDGE: '1', ...extra };
}

/** Runs `git <args>` with a timeout; never rejects (look at `code`, `timedOut`, `spawnError`). */
export function git(args: readonly string[], options: GitOptions): Promise<RunResult> {
  return runProcess('git', [...configuration, ...args], {
    cwd: options.cwd,
    env: environment(options.env),
    timeoutMs: options.timeoutMs,
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.maxOutputBytes === undefined ? {} : { maxOutputBytes: options.maxOutputBytes }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** The error for a git command that failed, timed out or could not start. */
export function gitError(args: readonly string[], result: RunResult): CodewrightError {
  const command = `git ${args.join(' ')}`;
  if (result.spawnError) {
    return new CodewrightError({ code: 'GIT_FAILED', message: `Could not run git (${result.spawnError.message}). Is git installed and on PATH?`, cause: result.spawnError });
  }
  if (result.timedOut) {
    return new CodewrightError({ code: 'TIMEOUT', message: `\`${command}\` timed out. Try again, or raise the time limit.`, data: { command } });
  }
  if (result.truncated) {
    return new CodewrightError({ code: 'GIT_FAILED', message: `\`${command}\` printed more than codewright keeps; the change is too large to check.`, data: { command } });
  }
  const stderr = result.stderr.trim();
  return new CodewrightError({ code: 'GIT_FAILED', message: `\`${command}\` failed: ${stderr || `exit code ${result.code}`}`, data: { command, stderr, exitCode: result.code } });
}

/** Runs git and returns stdout; throws GIT_FAILED or TIMEOUT when it does not succeed. */
export async function gitOutput(args: readonly string[], options: GitOptions): Promise<string> {
  const result = await git(args, options);
  if (result.code !== 0 || result.timedOut || result.truncated || result.spawnError) throw gitError(args, result);
  return result.stdout;
}

/**
 * `git add -A` of every file of the work tree at `options.cwd` (its top level) except codewright's data folder,
 * into the index `options.env` names. The folder is excluded by a pathspec only when no ignore rule leaves it out
 * already: git refuses an exclude pathspec that names an ignored path ("The following paths are ignored…").
 */
export async function addAllButData(options: GitOptions): Promise<void> {
  const ignored = await git(['check-ignore', '-q', '--no-index', '--', '.codewright'], options);
  if (ignored.spawnError || ignored.timedOut || (ignored.code !== 0 && ignored.code !== 1)) throw gitError(['check-ignore', '-q', '--no-index', '--', '.codewright'], ignored);
  await gitOutput(['add', '-A', '--', ':/', ...(ignored.code === 0 ? [] : [':(top,exclude).codewright'])], options);
}
