/** Child process entry: imports functions from one worktree and calls them with inputs received over IPC. */
import { pathToFileURL } from 'node:url';
import { decodeValue, encodeValue } from './codec.ts';
import type { CallOutcome, HarnessReply, HarnessRequest } from './protocol.ts';

const modules = new Map<string, Promise<unknown>>();

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.split('\n')[0] ?? error.name;
  return String(error);
}

async function resolveTarget(module: string, path: string[]): Promise<{ target: unknown; holder: unknown } | { reason: string }> {
  let loading = modules.get(module);
  if (!loading) {
    loading = import(pathToFileURL(module).href);
    modules.set(module, loading);
  }
  let holder: unknown;
  let target: unknown;
  try {
    target = await loading;
  } catch (error) {
    return { reason: `module import failed: ${errorText(error)}` };
  }
  for (const key of path) {
    holder = target;
    target = typeof holder === 'object' || typeof holder === 'function' ? (holder as Record<string, unknown> | null)?.[key] : undefined;
  }
  if (typeof target !== 'function') return { reason: `\`${path.join('.')}\` is not a function at run time (${typeof target})` };
  return { target, holder };
}

async function handle(request: HarnessRequest): Promise<CallOutcome> {
  const resolved = await resolveTarget(request.module, request.path);
  if ('reason' in resolved) return { kind: 'unavailable', reason: resolved.reason };
  if (request.op === 'load') return { kind: 'return', value: true };
  const args = request.args.map(decodeValue);
  // The call's own time limit starts now, after the import.
  const started: HarnessReply = { id: request.id, started: true };
  process.send?.(started);
  try {
    const value: unknown = await Reflect.apply(resolved.target as (...values: unknown[]) => unknown, resolved.holder, args);
    return { kind: 'return', value: encodeValue(value) };
  } catch (error) {
    return { kind: 'throw', error: encodeValue(error) };
  }
}

// A call that leaves a rejected promise or a throwing timer behind must not end the harness.
process.on('uncaughtException', () => {});
process.on('unhandledRejection', () => {});
process.on('disconnect', () => process.exit(0));
process.on('message', (message) => {
  const request = message as HarnessRequest;
  void handle(request).then((outcome) => {
    const reply: HarnessReply = { id: request.id, outcome };
    process.send?.(reply);
  });
});
