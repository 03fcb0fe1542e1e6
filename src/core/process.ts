/** Child processes with a timeout, an output cap, and kill of the whole process group. */
import { spawn } from 'node:child_process';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the process group after this many milliseconds (required: nothing runs unbounded). */
  timeoutMs: number;
  input?: string;
  /** Keep at most this many bytes of each stream (default 4 MiB); the rest is dropped and flagged. */
  maxOutputBytes?: number;
  signal?: AbortSignal;
}

export interface RunResult {
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** True when output went past maxOutputBytes. */
  truncated: boolean;
  /** Set when the command could not start (missing binary, bad cwd). */
  spawnError?: Error;
  durationMs: number;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Runs `command args` in its own process group; on timeout or abort the whole group is killed. */
export function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const cap = options.maxOutputBytes ?? 4 * 1024 * 1024;
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let truncated = false;
    let timedOut = false;
    let spawnError: Error | undefined;
    const collect = (chunks: Buffer[], size: number, chunk: Buffer): number => {
      if (size >= cap) {
        truncated = true;
        return size;
      }
      const room = cap - size;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      if (chunk.length > room) truncated = true;
      return size + Math.min(room, chunk.length);
    };
    child.stdout.on('data', (chunk: Buffer) => (outBytes = collect(out, outBytes, chunk)));
    child.stderr.on('data', (chunk: Buffer) => (errBytes = collect(err, errBytes, chunk)));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    const onAbort = () => killGroup(child.pid);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      spawnError = error;
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      // Descendants that outlived the leader (daemons, watchers) go too.
      killGroup(child.pid);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        truncated,
        spawnError,
        durationMs: performance.now() - started,
      });
    });
  });
}
