/** The HTTP plumbing the scripted model servers share: routing, turn lookup, failures, delays, hangs, SSE. */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedRequest, ScriptedBody, ScriptedRequest, ScriptedServer, ScriptedServerOptions, ScriptedToolCall, ScriptedTurn } from './scripted-turn.ts';

export type { ReceivedRequest, ScriptedBody, ScriptedFailure, ScriptedRequest, ScriptedServer, ScriptedServerOptions, ScriptedToolCall, ScriptedTurn } from './scripted-turn.ts';

/** How one wire protocol reads requests and writes answers. */
export interface ScriptedProtocol {
  /** Whether `path` is the protocol's generation endpoint. */
  accepts(path: string): boolean;
  systemOf(body: ScriptedBody): string;
  /** Assistant messages already in the conversation: the index of the turn to answer. */
  assistantTurns(body: ScriptedBody): number;
  /** The protocol's error body for `status`, with its usual message unless `message` is given. */
  errorBody(status: number, message?: string): unknown;
  /** Headers every error response carries. */
  errorHeaders?: Record<string, string>;
  answer(response: ServerResponse, turn: ScriptedTurn, context: AnswerContext): void | Promise<void>;
}

export interface AnswerContext {
  body: ScriptedBody;
  /** Unique within the server: `<key>_<turn>`. */
  id: string;
  usage: { input: number; output: number; cachedInput: number };
}

const defaultRoute = ({ system }: ScriptedRequest): string => /candidate ([A-Z])/.exec(system)?.[1] ?? 'default';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(value));
}

/** Splits `text` into words with their trailing spaces, as models stream tokens. */
export function textPieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Splits `text` into up to three non-empty pieces, so one value spans several chunks. */
export function threePieces(text: string): string[] {
  if (text.length < 3) return text === '' ? [] : [text];
  const third = Math.ceil(text.length / 3);
  return [text.slice(0, third), text.slice(third, 2 * third), text.slice(2 * third)];
}

/** The text a scripted tool call sends as its arguments. */
export function argumentsText(call: ScriptedToolCall): string {
  return typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
}

function estimatedUsage(body: ScriptedBody, turn: ScriptedTurn): AnswerContext['usage'] {
  const output = (turn.text ?? '') + (turn.toolCalls ?? []).map((call) => call.name + argumentsText(call)).join('');
  return { input: Math.max(1, Math.ceil(JSON.stringify(body).length / 4)), output: Math.max(1, Math.ceil(output.length / 4)), cachedInput: 0 };
}

/** Starts a server on 127.0.0.1 (a free port) that answers `protocol` requests from `options.scripts`. */
export async function startScriptedServer(protocol: ScriptedProtocol, options: ScriptedServerOptions): Promise<ScriptedServer> {
  const route = options.route ?? defaultRoute;
  const requests: ScriptedBody[] = [];
  const received: ReceivedRequest[] = [];
  const failed = new Map<string, number>();
  const fail = (response: ServerResponse, status: number, message: string | undefined, extra: Record<string, string> = {}) =>
    sendJson(response, status, protocol.errorBody(status, message), { ...protocol.errorHeaders, ...extra });

  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const text = await readBody(request);
    if (request.method !== 'POST' || !protocol.accepts(path)) return fail(response, 404, `scripted server: no endpoint ${request.method} ${path}`);
    let body: ScriptedBody;
    try {
      body = JSON.parse(text) as ScriptedBody;
    } catch {
      return fail(response, 400, 'scripted server: the request body is not JSON');
    }
    requests.push(body);
    const key = route({ body, system: protocol.systemOf(body), headers: request.headers });
    const turnIndex = protocol.assistantTurns(body);
    const entry: ReceivedRequest = { path, headers: request.headers, body, key, turn: turnIndex, outcome: 'answered' };
    received.push(entry);
    const script = Object.hasOwn(options.scripts, key) ? options.scripts[key] : Object.hasOwn(options.scripts, 'default') ? options.scripts.default : undefined;
    const turn = script?.[turnIndex];
    if (!turn) {
      entry.outcome = 400;
      return fail(response, 400, `scripted server: no turn ${turnIndex} in the script of conversation "${key}"`);
    }
    const failureKey = `${key}#${turnIndex}`;
    const failedSoFar = failed.get(failureKey) ?? 0;
    if (turn.failures && failedSoFar < turn.failures.times) {
      failed.set(failureKey, failedSoFar + 1);
      entry.outcome = turn.failures.status;
      const headers: Record<string, string> = turn.failures.retryAfterSeconds === undefined ? {} : { 'retry-after': String(turn.failures.retryAfterSeconds) };
      if (turn.failures.body !== undefined) return sendJson(response, turn.failures.status, turn.failures.body, headers);
      return fail(response, turn.failures.status, undefined, headers);
    }
    if (turn.hang) {
      entry.outcome = 'hung';
      return;
    }
    if (turn.delayMs) await new Promise((resolve) => setTimeout(resolve, turn.delayMs));
    if (response.destroyed) return;
    const usage = turn.usage ? { cachedInput: 0, ...turn.usage } : estimatedUsage(body, turn);
    await protocol.answer(response, turn, { body, id: `${key}_${turnIndex}`.replace(/[^A-Za-z0-9_]/g, '_'), usage });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a server-sent-events stream, one event per write with a turn of the event loop between them: `event:` (when named) and `data:` lines; stops silently after `stallAfter` events. */
export async function writeEvents(response: ServerResponse, events: { event?: string; data: unknown }[], stallAfter?: number): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  for (const [index, { event, data }] of events.entries()) {
    if (response.destroyed || index === stallAfter) return;
    const payload = typeof data === 'string' ? data : JSON.stringify(data);
    response.write(`${event ? `event: ${event}\n` : ''}data: ${payload}\n\n`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  response.end();
}

export { sendJson };
