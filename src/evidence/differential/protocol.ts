/** Messages between the differential runner and its harness child processes. */
import type { EncodedValue } from './codec.ts';

/** Import a module and check that `path` (export name, then static member) names a function. */
export interface LoadRequest {
  id: number;
  op: 'load';
  module: string;
  path: string[];
}

/** Call the function at `path` with decoded `args`. */
export interface CallRequest {
  id: number;
  op: 'call';
  module: string;
  path: string[];
  args: EncodedValue[];
}

export type HarnessRequest = LoadRequest | CallRequest;

/**
 * What one call did. `unavailable`: the function could not be reached (import failed, not a function);
 * `timeout` and `exit` are decided by the parent when the child hangs or dies.
 */
export type CallOutcome =
  | { kind: 'return'; value: EncodedValue }
  | { kind: 'throw'; error: EncodedValue }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'timeout'; ms: number }
  | { kind: 'exit'; code: number | null; signal: string | null };

/** The answer to a request, preceded for calls by `started` once the module is imported and the call begins. */
export type HarnessReply = { id: number; outcome: CallOutcome } | { id: number; started: true };
