import { createAnthropic } from '@ai-sdk/anthropic';
import { APICallError, generateText, isStepCount, RetryError, streamText, tool } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startScriptedAnthropicServer } from './scripted-anthropic-server.ts';
import type { ScriptedServer } from './scripted-anthropic-server.ts';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const model = (url: string) => createAnthropic({ baseURL: url, apiKey: 'scripted-test-key' }).messages('claude-scripted');

function events(body: string): { event: string; data: Record<string, unknown> }[] {
  return body
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      return { event: eventLine!.slice('event: '.length), data: JSON.parse(dataLine!.slice('data: '.length)) as Record<string, unknown> };
    });
}

describe('scripted Anthropic server', () => {
  it('streams the Messages API events: message_start, blocks with text and input_json deltas split over events, message_delta, message_stop', async () => {
    server = await startScriptedAnthropicServer({
      scripts: { default: [{ text: 'Reading it.', toolCalls: [{ name: 'read', arguments: { path: 'a.ts' } }], usage: { input: 100, output: 25, cachedInput: 40 } }] },
    });
    const response = await fetch(`${server.url}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'k' },
      body: JSON.stringify({ model: 'claude-scripted', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'go' }] }),
    });
    const stream = events(await response.text());
    expect(stream.every(({ event, data }) => data.type === event)).toBe(true);
    expect(stream.map(({ event }) => event).filter((event) => event !== 'content_block_delta')).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_stop',
      'content_block_start',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(stream[0]!.data.message).toMatchObject({ role: 'assistant', usage: { input_tokens: 60, cache_read_input_tokens: 40 } });
    const jsonPieces = stream.filter(({ data }) => (data.delta as { type?: string } | undefined)?.type === 'input_json_delta').map(({ data }) => (data.delta as { partial_json: string }).partial_json);
    expect(jsonPieces.filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(jsonPieces.join(''))).toEqual({ path: 'a.ts' });
    expect(stream.find(({ event }) => event === 'message_delta')!.data).toMatchObject({ delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 25 } });
  });

  it('drives streamText through the real Anthropic provider: tool use, the tool result sent back, usage with cache reads', async () => {
    server = await startScriptedAnthropicServer({
      scripts: { default: [{ toolCalls: [{ name: 'add', arguments: { a: 4, b: 5 } }], usage: { input: 100, output: 20, cachedInput: 40 } }, { text: 'It is 9.', usage: { input: 130, output: 5 } }] },
    });
    const result = streamText({
      model: model(server.url),
      system: 'You add numbers.',
      prompt: 'What is 4 + 5?',
      maxOutputTokens: 256,
      tools: { add: tool({ inputSchema: z.object({ a: z.number(), b: z.number() }), execute: async ({ a, b }) => a + b }) },
      stopWhen: isStepCount(3),
      onError: () => {},
    });
    expect(await result.text).toBe('It is 9.');
    const steps = await result.steps;
    expect(steps[0]!.usage).toMatchObject({ inputTokens: 100, outputTokens: 20, inputTokenDetails: { cacheReadTokens: 40 } });
    expect(server.received[0]!.headers['x-api-key']).toBe('scripted-test-key');
    const reply = (server.requests[1]!.messages as { role: string; content: { type: string; tool_use_id?: string; content?: unknown }[] }[]).at(-1)!;
    expect(reply.content[0]).toMatchObject({ type: 'tool_result', tool_use_id: 'toolu_default_0_0', content: '9' });
  });

  it('answers non-streaming requests with a message', async () => {
    server = await startScriptedAnthropicServer({ scripts: { default: [{ text: 'Plain answer.', usage: { input: 7, output: 3 } }] } });
    const result = await generateText({ model: model(server.url), prompt: 'go', maxOutputTokens: 64 });
    expect(result.text).toBe('Plain answer.');
    expect(result.usage).toMatchObject({ inputTokens: 7, outputTokens: 3 });
    expect(result.finishReason).toBe('stop');
  });

  it('routes by the candidate letter in the system prompt and fails with Anthropic error bodies', async () => {
    server = await startScriptedAnthropicServer({ scripts: { C: [{ text: 'C here', failures: { status: 529, times: 5, retryAfterSeconds: 0 } }] } });
    const error = await generateText({ model: model(server.url), system: 'You are candidate C.', prompt: 'go', maxOutputTokens: 64, maxRetries: 1 }).catch((caught: unknown) => caught);
    expect(RetryError.isInstance(error)).toBe(true);
    const last = (error as RetryError).lastError;
    expect(APICallError.isInstance(last) && last.statusCode).toBe(529);
    expect(JSON.parse((last as APICallError).responseBody!)).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    expect(server.received.map((request) => [request.key, request.outcome])).toEqual([
      ['C', 529],
      ['C', 529],
    ]);
  });
});
