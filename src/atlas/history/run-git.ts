/** Runs git as a child process in its own process group, with a timeout and streamed stdout. */
import { spawn } from 'node:child_process';

/** How to run one git command. */
export interface GitCommandOptions {
  cwd: string;
  /** The process group is killed after this many milliseconds. */
  timeoutMs: number;
  /** Receives stdout as it arrives; when absent, stdout is collected up to `maxOutputBytes`. */
  onStdout?: (chunk: Buffer) => void;
  /** Cap on collected stdout (default 1 MiB); git is killed when it writes more. */
  maxOutputBytes?: number;
  /** Aborting kills the process group. */
  signal?: AbortSignal;
}

/** How a git command ended. */
export interface GitCommandResult {
  /** Exit code, null when git was killed or could not start. */
  code: number | null;
  /** Collected stdout; empty when `onStdout` streamed it. */
  stdout: string;
  /** The first 64 KiB of stderr. */
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
  /** Set when git could not be started (not installed, or `cwd` missing). */
  spawnError?: Error;
}

const stderrCap = 64 * 1024;
const live = new Set<number>();
let exitHookInstalled = false;

function killProcess(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  if (process.platform === 'win32') return killProcess(pid);
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Right after spawn the child may not have made its own group yet: kill it directly.
    killProcess(pid);
  }
}

// Detached children do not get the terminal's signals, so kill them when we exit.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const pid of live) killGroup(pid);
  });
}

/** The environment every git child gets: stable messages, no prompts, no optional locks. */
export function gitEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
}

/** Runs `git <args>`; never rejects for git's own failures, only when `onStdout` throws. */
export function runGit(args: readonly string[], options: GitCommandOptions): Promise<GitCommandResult> {
  installExitHook();
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: gitEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const pid = child.pid;
    if (pid !== undefined) live.add(pid);
    const stdoutChunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let timedOut = false;
    let aborted = false;
    let spawnError: Error | undefined;
    let callbackError: unknown;
    let settled = false;

    // Only a process still running counts as timed out; one that already exited finished in time.
    const running = (): boolean => child.exitCode === null && child.signalCode === null;
    const timer = setTimeout(() => {
      if (!running()) return;
      timedOut = true;
      killGroup(pid);
    }, Math.max(0, options.timeoutMs));
    const onAbort = (): void => {
      if (!running()) return;
      aborted = true;
      killGroup(pid);
    };
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => {
      if (callbackError !== undefined) return;
      if (options.onStdout) {
        try {
          options.onStdout(chunk);
        } catch (error) {
          callbackError = error;
          killGroup(pid);
        }
        return;
      }
      stdoutBytes += chunk.length;
      if (stdoutBytes > (options.maxOutputBytes ?? 1024 * 1024)) killGroup(pid);
      else stdoutChunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < stderrCap) stderr += chunk.toString('utf8').slice(0, stderrCap - stderr.length);
    });

    const finish = (code: number | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (pid !== undefined) live.delete(pid);
      if (callbackError !== undefined) {
        reject(callbackError);
        return;
      }
      const stdout = Buffer.concat(stdoutChunks).toString('utf8');
      // git may exit on its own between the deadline and the kill: then it finished, it was not cut short.
      const killed = code === null;
      resolve({
        code, stdout, stderr, timedOut: timedOut && killed, aborted: aborted && killed, ...(spawnError ? { spawnError } : {}),
      });
    };
    child.on('error', (error) => {
      spawnError = error;
      finish(null);
    });
    child.on('close', (code) => finish(code));
  });
}
