/** The parent side of a harness: one long-lived child per worktree, a timeout per call, group kill. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { typescriptExtensionHook } from '../workspace/typescript-extension-hook.ts';
import type { CallOutcome, CallRequest, HarnessReply, LoadRequest } from './protocol.ts';

export interface HarnessOptions {
  /** The worktree the functions come from; the child runs there. */
  cwd: string;
  /** Kill the child when one call takes longer than this. */
  callTimeoutMs: number;
  /** Limit of what comes before the call: Node boot and module import (default 15,000 ms). */
  startTimeoutMs?: number;
}

/** A running harness. Requests are answered in order; a timed-out or crashed child is restarted on the next request. */
export interface Harness {
  request(request: Omit<LoadRequest, 'id'> | Omit<CallRequest, 'id'>): Promise<CallOutcome>;
  /** Process id of the current child (its process group id too), if one runs. */
  pid(): number | undefined;
  /** The last lines the children wrote to stderr, for reasons. */
  stderr(): string;
  /** Kills the child's process group; later requests answer `unavailable`. */
  close(): void;
}

const harnessPath = fileURLToPath(new URL('./harness.ts', import.meta.url));
// The hook resolves `./x.js` to `./x.ts`, as TypeScript projects that run through tsc or a bundler import their sources.
const nodeArguments = [
  '--experimental-transform-types',
  '--disable-warning=ExperimentalWarning',
  '--max-old-space-size=1024',
  `--import=${typescriptExtensionHook}`,
];

interface Pending {
  child: ChildProcess;
  resolve: (outcome: CallOutcome) => void;
  timer: NodeJS.Timeout;
  /** Re-arms the timer with the call limit once the child reports the call started. */
  onStarted: () => void;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Starts nothing yet: the child is spawned on the first request. */
export function createHarness(options: HarnessOptions): Harness {
  const startTimeoutMs = options.startTimeoutMs ?? 15_000;
  const pending = new Map<number, Pending>();
  let child: ChildProcess | undefined;
  let closed = false;
  let nextId = 1;
  let stderrTail = '';

  const settle = (id: number, outcome: CallOutcome): void => {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(outcome);
  };

  const spawnChild = (): ChildProcess => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const started = spawn(process.execPath, [...nodeArguments, harnessPath], {
      cwd: options.cwd,
      env,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    started.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000);
    });
    started.on('message', (reply: HarnessReply) => {
      if ('started' in reply) pending.get(reply.id)?.onStarted();
      else settle(reply.id, reply.outcome);
    });
    const onGone = (code: number | null, signal: NodeJS.Signals | null): void => {
      killGroup(started.pid);
      if (child === started) child = undefined;
      for (const [id, entry] of pending) if (entry.child === started) settle(id, { kind: 'exit', code, signal });
    };
    started.on('exit', onGone);
    started.on('error', (error) => {
      stderrTail += `\n${error.message}`;
      onGone(null, null);
    });
    return started;
  };

  const request: Harness['request'] = (body) => {
    if (closed) return Promise.resolve({ kind: 'unavailable', reason: 'harness closed' });
    const current = child ?? (child = spawnChild());
    const id = nextId++;
    return new Promise<CallOutcome>((resolve) => {
      const expire = (ms: number) =>
        setTimeout(() => {
          settle(id, { kind: 'timeout', ms });
          if (child === current) child = undefined;
          killGroup(current.pid);
        }, ms);
      const entry: Pending = {
        child: current,
        resolve,
        timer: expire(startTimeoutMs),
        onStarted: () => {
          clearTimeout(entry.timer);
          entry.timer = expire(options.callTimeoutMs);
        },
      };
      pending.set(id, entry);
      current.send({ ...body, id }, (error) => {
        if (error) settle(id, { kind: 'exit', code: null, signal: null });
      });
    });
  };

  return {
    request,
    pid: () => child?.pid,
    stderr: () => stderrTail.trim(),
    close: () => {
      closed = true;
      killGroup(child?.pid);
      child = undefined;
    },
  };
}
