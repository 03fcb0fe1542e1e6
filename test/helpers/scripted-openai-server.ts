/** A scripted OpenAI-compatible chat-completions server on 127.0.0.1 that replays turns, streamed (SSE) or not, with tool calls. */
import type { ScriptedBody, ScriptedProtocol, ScriptedServer, ScriptedServerOptions, ScriptedTurn, AnswerContext } from './scripted-server-core.ts';
import { argumentsText, sendJson, startScriptedServer, textPieces, threePieces, writeEvents } from './scripted-server-core.ts';

export type { ReceivedRequest, ScriptedFailure, ScriptedRequest, ScriptedServer, ScriptedServerOptions, ScriptedToolCall, ScriptedTurn } from './scripted-turn.ts';

interface ChatMessage {
  role?: string;
  content?: unknown;
}

const created = 1_700_000_000;

const errorTypes: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported.' },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'The model does not exist or you do not have access to it.' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests. Please try again later.' },
};

function messagesOf(body: ScriptedBody): ChatMessage[] {
  return Array.isArray(body.messages) ? (body.messages as ChatMessage[]) : [];
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part: { text?: unknown }) => (typeof part.text === 'string' ? part.text : '')).join('');
  return '';
}

function usageOf({ usage }: AnswerContext) {
  return {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.input + usage.output,
    prompt_tokens_details: { cached_tokens: usage.cachedInput, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

function finishReason(turn: ScriptedTurn): string {
  return turn.toolCalls?.length ? 'tool_calls' : 'stop';
}

/** The chunks OpenAI streams for `turn`: role, text deltas, each tool call's header then its arguments in pieces, the finish, the usage. */
function streamChunks(turn: ScriptedTurn, context: AnswerContext): unknown[] {
  const base = { id: `chatcmpl-${context.id}`, object: 'chat.completion.chunk', created, model: String(context.body.model), system_fingerprint: 'fp_scripted' };
  const choice = (delta: Record<string, unknown>, finish: string | null = null) => ({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
  const chunks: unknown[] = [choice({ role: 'assistant', content: turn.text === undefined ? null : '', refusal: null })];
  for (const piece of textPieces(turn.text ?? '')) chunks.push(choice({ content: piece }));
  (turn.toolCalls ?? []).forEach((call, index) => {
    chunks.push(choice({ tool_calls: [{ index, id: `call_${context.id}_${index}`, type: 'function', function: { name: call.name, arguments: '' } }] }));
    for (const piece of threePieces(argumentsText(call))) chunks.push(choice({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  chunks.push(choice({}, finishReason(turn)));
  const options = context.body.stream_options as { include_usage?: boolean } | undefined;
  if (options?.include_usage) chunks.push({ ...base, choices: [], usage: usageOf(context) });
  return chunks;
}

function completion(turn: ScriptedTurn, context: AnswerContext): unknown {
  const toolCalls = (turn.toolCalls ?? []).map((call, index) => ({ id: `call_${context.id}_${index}`, type: 'function', function: { name: call.name, arguments: argumentsText(call) } }));
  const message = { role: 'assistant', content: turn.text ?? null, refusal: null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) };
  return {
    id: `chatcmpl-${context.id}`,
    object: 'chat.completion',
    created,
    model: String(context.body.model),
    system_fingerprint: 'fp_scripted',
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason(turn) }],
    usage: usageOf(context),
  };
}

const openAIProtocol: ScriptedProtocol = {
  accepts: (path) => path.endsWith('/chat/completions'),
  systemOf: (body) =>
    messagesOf(body)
      .filter((message) => message.role === 'system' || message.role === 'developer')
      .map((message) => contentText(message.content))
      .join('\n'),
  assistantTurns: (body) => messagesOf(body).filter((message) => message.role === 'assistant').length,
  errorBody: (status, message) => {
    const known = errorTypes[status] ?? { type: status >= 500 ? 'server_error' : 'invalid_request_error', code: null, message: 'The server had an error while processing your request.' };
    return { error: { message: message ?? known.message, type: known.type, param: null, code: known.code } };
  },
  answer: async (response, turn, context) => {
    if (context.body.stream === true) await writeEvents(response, [...streamChunks(turn, context).map((data) => ({ data })), { data: '[DONE]' }], turn.stallAfterEvents);
    else sendJson(response, 200, completion(turn, context));
  },
};

/**
 * Starts an OpenAI-compatible server (`POST <url>/chat/completions`) on 127.0.0.1 that answers each
 * conversation (`route`, default: `candidate X` in the system prompt) with its next scripted turn:
 * the turn index is the number of assistant messages in the request, so replay is stateless.
 */
export function startScriptedOpenAIServer(options: ScriptedServerOptions): Promise<ScriptedServer> {
  return startScriptedServer(openAIProtocol, options);
}
