/** Runs a project's own `tsc --noEmit -p <config>` in a worktree and returns its diagnostics. */
import { runProcess } from '../../core/process.ts';
import { fail, ok, type Result } from '../../core/result.ts';
import { formatDuration } from './duration.ts';
import { incrementalArguments } from './incremental.ts';
import { parseTscOutput, type TypeDiagnostic } from './tsc-output.ts';

/** What to type-check, where, and with which compiler. */
export interface RunTscOptions {
  /** The worktree to run in. */
  dir: string;
  /** Repository-relative config path. */
  config: string;
  /** Absolute path of the `tsc` script to run with Node. */
  tscPath: string;
  /** Build referenced projects first (`tsc -b`), emitting into their own output folders in the worktree. */
  build?: boolean;
  /**
   * Skip checking declaration files. Errors inside installed `.d.ts` files are the same in both worktrees and
   * cancel out, so this only saves time (4.3 s to 1.2 s on a small zod project); callers keep it off when the
   * change touches a declaration file of its own.
   */
  skipLibCheck?: boolean;
  /** More options for `tsc -p`, such as `--ignoreDeprecations 6.0`. */
  extraArgs?: readonly string[];
  /**
   * tsc's incremental state, relative to `dir` (see `incremental.ts`): read when present, written after the run.
   * It changes how long tsc takes, not what it reports, so it is no part of `tscArguments`.
   */
  buildInfoFile?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The arguments after the `tsc` script: they decide, with the sources and the compiler, what tsc reports. */
export function tscArguments(options: Pick<RunTscOptions, 'config' | 'build' | 'skipLibCheck' | 'extraArgs'>): string[] {
  const mode = options.build ? ['-b', options.config] : ['--noEmit', '-p', options.config];
  return [...mode, '--pretty', 'false', ...(options.skipLibCheck ? ['--skipLibCheck'] : []), ...(options.extraArgs ?? [])];
}

const maxOutputBytes = 64 * 1024 * 1024;

/** The diagnostics of one completed type-check, or why there are none (timeout, crash, kill, output past the cap). */
export async function runTsc(options: RunTscOptions): Promise<Result<TypeDiagnostic[], string>> {
  const args = [options.tscPath, ...tscArguments(options), ...(options.buildInfoFile ? incrementalArguments(options.buildInfoFile) : [])];
  const run = await runProcess(process.execPath, args, { cwd: options.dir, timeoutMs: options.timeoutMs, signal: options.signal, maxOutputBytes });
  if (run.timedOut) return fail(`tsc timed out after ${formatDuration(options.timeoutMs)}`);
  if (run.spawnError) return fail(`tsc could not start: ${run.spawnError.message}`);
  // Partial output is not the project's diagnostics: a comparison with it, or a cached copy of it, would mislead.
  if (run.signal) return fail(`tsc was killed by ${run.signal}`);
  if (run.truncated) return fail(`tsc printed more than ${maxOutputBytes / 1024 / 1024} MiB of diagnostics`);
  const diagnostics = parseTscOutput(run.stdout, options.dir);
  if (run.code !== 0 && diagnostics.length === 0) {
    const detail = (run.stderr.trim() || run.stdout.trim()).split('\n')[0] ?? '';
    return fail(`tsc exited with code ${run.code ?? run.signal} without diagnostics${detail ? `: ${detail}` : ''}`);
  }
  return ok(diagnostics);
}
