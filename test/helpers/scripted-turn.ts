/** The scripts the scripted model servers replay: turns, tool calls, failures, and what the servers record. */
import type { IncomingHttpHeaders } from 'node:http';

/** One tool call the scripted model makes; a string `arguments` is sent verbatim (malformed JSON on purpose). */
export interface ScriptedToolCall {
  name: string;
  arguments: Record<string, unknown> | string;
}

/** The first `times` attempts at a turn fail with `status` before the turn is answered. */
export interface ScriptedFailure {
  status: number;
  times: number;
  /** The error body to send instead of the protocol's usual one for `status`. */
  body?: unknown;
  /** Sent as the `retry-after` header; the AI SDK honours it (use 0 for fast retries). */
  retryAfterSeconds?: number;
}

/** One assistant turn to replay. */
export interface ScriptedTurn {
  text?: string;
  toolCalls?: ScriptedToolCall[];
  /** Tokens to report; `cachedInput` is part of `input`. Default: estimated from the request and the reply. */
  usage?: { input: number; output: number; cachedInput?: number };
  failures?: ScriptedFailure;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer: the request stays open until the client gives up or the server closes. */
  hang?: boolean;
  /** Streamed answers only: send this many events, then fall silent with the connection open (a stalled stream). */
  stallAfterEvents?: number;
}

export type ScriptedBody = Record<string, unknown>;

/** What `route` sees of a request. */
export interface ScriptedRequest {
  body: ScriptedBody;
  /** The system prompt as plain text. */
  system: string;
  headers: IncomingHttpHeaders;
}

export interface ScriptedServerOptions {
  /** Turns per conversation key; a key without a script replays `default` (failures still count per key). */
  scripts: Record<string, ScriptedTurn[]>;
  /** The conversation key of a request (default: the first `candidate X` in the system prompt, else `default`). */
  route?: (request: ScriptedRequest) => string;
}

/** A request as the server received it, with the conversation and turn it was matched to. */
export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: ScriptedBody;
  key: string;
  turn: number;
  /** What the server did: answered, failed with a status, or hung. */
  outcome: 'answered' | 'hung' | number;
}

export interface ScriptedServer {
  /** The base URL to configure (`http://127.0.0.1:<port>/v1`). */
  url: string;
  /** Every body received, parsed, in order. */
  requests: ScriptedBody[];
  /** Every request with its headers, key, turn and outcome. */
  received: ReceivedRequest[];
  close(): Promise<void>;
}
