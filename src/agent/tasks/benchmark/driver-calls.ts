/** What the benchmark drivers share inside their child process: the request, the function, and calls that cannot be optimised away. */
import { pathToFileURL } from 'node:url';
import { decodeValue, encodeValue } from '../../../evidence/differential/codec.ts';
import type { EncodedValue } from '../../../evidence/differential/index.ts';

/** A function ready to call with its `this`. */
export interface Loaded {
  fn: (...args: unknown[]) => unknown;
  holder: unknown;
}

/** Results are kept here so that the engine cannot drop calls whose result is unused. */
export const sink: { value: unknown } = { value: undefined };

/** The JSON request on stdin. */
export async function readRequest<T>(): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
}

/** Imports `module` (absolute path) and walks `exportPath` to a function. */
export async function loadFunction(module: string, exportPath: readonly string[]): Promise<Loaded> {
  let holder: unknown;
  let target: unknown = await import(pathToFileURL(module).href);
  for (const key of exportPath) {
    holder = target;
    target = (holder as Record<string, unknown> | null | undefined)?.[key];
  }
  if (typeof target !== 'function') throw new Error(`\`${exportPath.join('.')}\` of ${module} is not a function`);
  return { fn: target as Loaded['fn'], holder };
}

/** Decoded argument lists. */
export function decodeInputs(inputs: readonly EncodedValue[][]): unknown[][] {
  return inputs.map((args) => args.map(decodeValue));
}

/** Calls once; returns a promise only for async functions, so that synchronous calls are measured without awaiting. */
export function call(loaded: Loaded, args: unknown[]): Promise<void> | undefined {
  const value = Reflect.apply(loaded.fn, loaded.holder, args);
  if (!(value instanceof Promise)) {
    sink.value = value;
    return undefined;
  }
  return value.then((settled: unknown) => {
    sink.value = settled;
  });
}

/** One pass: every argument list once, in order. */
export async function pass(loaded: Loaded, inputs: readonly unknown[][]): Promise<void> {
  for (const args of inputs) {
    const pending = call(loaded, args);
    if (pending) await pending;
  }
}

/** True when a call changes its arguments: then every measured call gets a fresh copy. */
export async function mutatesArguments(loaded: Loaded, inputs: readonly unknown[][]): Promise<boolean> {
  for (const args of inputs) {
    const copy = structuredClone(args);
    const before = JSON.stringify(copy.map(encodeValue));
    await call(loaded, copy);
    if (JSON.stringify(copy.map(encodeValue)) !== before) return true;
  }
  return false;
}

/** Argument lists for `passes` passes over the inputs: the same objects, or fresh copies when calls mutate them. */
export function argumentsFor(inputs: readonly unknown[][], passes: number, mutates: boolean): unknown[][][] {
  return Array.from({ length: passes }, () => (mutates ? inputs.map((args) => structuredClone(args)) : (inputs as unknown[][])));
}

/** Writes the driver's answer as one JSON line. */
export function answer(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
