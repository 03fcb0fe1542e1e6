/** A scripted Anthropic Messages API server on 127.0.0.1 that replays turns, streamed (its SSE event types) or not, with tool use. */
import type { AnswerContext, ScriptedBody, ScriptedProtocol, ScriptedServer, ScriptedServerOptions, ScriptedTurn } from './scripted-server-core.ts';
import { argumentsText, sendJson, startScriptedServer, textPieces, threePieces, writeEvents } from './scripted-server-core.ts';

export type { ReceivedRequest, ScriptedFailure, ScriptedRequest, ScriptedServer, ScriptedServerOptions, ScriptedToolCall, ScriptedTurn } from './scripted-turn.ts';

const errorTypes: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};

const defaultMessages: Record<string, string> = {
  invalid_request_error: 'Invalid request.',
  authentication_error: 'invalid x-api-key',
  permission_error: 'Your API key does not have permission to use the specified resource.',
  not_found_error: 'model: not found',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: 'Number of request tokens has exceeded your per-minute rate limit.',
  api_error: 'Internal server error',
  overloaded_error: 'Overloaded',
};

function messagesOf(body: ScriptedBody): { role?: string }[] {
  return Array.isArray(body.messages) ? (body.messages as { role?: string }[]) : [];
}

function stopReason(turn: ScriptedTurn): string {
  return turn.toolCalls?.length ? 'tool_use' : 'end_turn';
}

/** Anthropic counts cache reads apart from `input_tokens`; the script's `input` includes them. */
function usageOf({ usage }: AnswerContext, outputTokens: number) {
  return { input_tokens: usage.input - usage.cachedInput, cache_creation_input_tokens: 0, cache_read_input_tokens: usage.cachedInput, output_tokens: outputTokens, service_tier: 'standard' };
}


function streamEvents(turn: ScriptedTurn, context: AnswerContext): { event: string; data: unknown }[] {
  const message = { id: `msg_${context.id}`, type: 'message', role: 'assistant', model: String(context.body.model), content: [], stop_reason: null, stop_sequence: null, usage: usageOf(context, 1) };
  const events: { event: string; data: unknown }[] = [{ event: 'message_start', data: { type: 'message_start', message } }, { event: 'ping', data: { type: 'ping' } }];
  const add = (type: string, data: Record<string, unknown>) => events.push({ event: type, data: { type, ...data } });
  let index = 0;
  if (turn.text !== undefined) {
    add('content_block_start', { index, content_block: { type: 'text', text: '' } });
    for (const piece of textPieces(turn.text)) add('content_block_delta', { index, delta: { type: 'text_delta', text: piece } });
    add('content_block_stop', { index });
    index += 1;
  }
  (turn.toolCalls ?? []).forEach((call, callIndex) => {
    add('content_block_start', { index, content_block: { type: 'tool_use', id: `toolu_${context.id}_${callIndex}`, name: call.name, input: {} } });
    add('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: '' } });
    for (const piece of threePieces(argumentsText(call))) add('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: piece } });
    add('content_block_stop', { index });
    index += 1;
  });
  add('message_delta', { delta: { stop_reason: stopReason(turn), stop_sequence: null }, usage: { output_tokens: context.usage.output } });
  add('message_stop', {});
  return events;
}

function message(turn: ScriptedTurn, context: AnswerContext): unknown {
  const content: unknown[] = [];
  if (turn.text !== undefined) content.push({ type: 'text', text: turn.text });
  (turn.toolCalls ?? []).forEach((call, index) => content.push({ type: 'tool_use', id: `toolu_${context.id}_${index}`, name: call.name, input: call.arguments }));
  return { id: `msg_${context.id}`, type: 'message', role: 'assistant', model: String(context.body.model), content, stop_reason: stopReason(turn), stop_sequence: null, usage: usageOf(context, context.usage.output) };
}

const anthropicProtocol: ScriptedProtocol = {
  accepts: (path) => path.endsWith('/messages'),
  systemOf: (body) => {
    if (typeof body.system === 'string') return body.system;
    if (Array.isArray(body.system)) return body.system.map((block: { text?: unknown }) => (typeof block.text === 'string' ? block.text : '')).join('\n');
    return '';
  },
  assistantTurns: (body) => messagesOf(body).filter((entry) => entry.role === 'assistant').length,
  errorBody: (status, text) => {
    const type = errorTypes[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
    return { type: 'error', error: { type, message: text ?? defaultMessages[type] ?? 'Internal server error' } };
  },
  errorHeaders: { 'request-id': 'req_scripted' },
  answer: async (response, turn, context) => {
    if (context.body.stream === true) await writeEvents(response, streamEvents(turn, context), turn.stallAfterEvents);
    else sendJson(response, 200, message(turn, context), { 'request-id': `req_${context.id}` });
  },
};

/**
 * Starts an Anthropic Messages API server (`POST <url>/messages`) on 127.0.0.1 that answers each
 * conversation (`route`, default: `candidate X` in the system prompt) with its next scripted turn:
 * the turn index is the number of assistant messages in the request, so replay is stateless.
 */
export function startScriptedAnthropicServer(options: ScriptedServerOptions): Promise<ScriptedServer> {
  return startScriptedServer(anthropicProtocol, options);
}
