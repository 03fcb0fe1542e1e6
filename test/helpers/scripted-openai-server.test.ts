import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, isStepCount, streamText, tool } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startScriptedOpenAIServer } from './scripted-openai-server.ts';
import type { ScriptedServer } from './scripted-openai-server.ts';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const provider = (url: string) => createOpenAICompatible({ name: 'scripted', baseURL: url, includeUsage: true });

/** The `data:` payloads of an SSE body. */
function dataLines(body: string): string[] {
  return body
    .split('\n\n')
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice('data: '.length));
}

describe('scripted OpenAI-compatible server', () => {
  it('streams like the chat completions API: role first, word deltas, a tool call split over chunks, the finish, usage, [DONE]', async () => {
    server = await startScriptedOpenAIServer({
      scripts: { default: [{ text: 'Reading the file now.', toolCalls: [{ name: 'read', arguments: { path: 'src/index.ts', line: 12 } }], usage: { input: 120, output: 30, cachedInput: 20 } }] },
    });
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'go' }] }),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const lines = dataLines(await response.text());
    expect(lines.at(-1)).toBe('[DONE]');
    const chunks = lines.slice(0, -1).map((line) => JSON.parse(line));
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.id === chunks[0].id)).toBe(true);
    expect(chunks[0].choices[0].delta).toMatchObject({ role: 'assistant', content: '' });
    const text = chunks.flatMap((chunk) => chunk.choices.map((choice: { delta: { content?: string } }) => choice.delta.content ?? '')).join('');
    expect(text).toBe('Reading the file now.');
    const toolDeltas = chunks.flatMap((chunk) => chunk.choices.flatMap((choice: { delta: { tool_calls?: unknown[] } }) => choice.delta.tool_calls ?? []));
    expect(toolDeltas[0]).toMatchObject({ index: 0, id: 'call_default_0_0', type: 'function', function: { name: 'read', arguments: '' } });
    const argumentPieces = toolDeltas.slice(1).map((delta: { function: { arguments: string } }) => delta.function.arguments);
    expect(argumentPieces.length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(argumentPieces.join(''))).toEqual({ path: 'src/index.ts', line: 12 });
    const finish = chunks.find((chunk) => chunk.choices[0]?.finish_reason);
    expect(finish.choices[0].finish_reason).toBe('tool_calls');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150, prompt_tokens_details: { cached_tokens: 20 } } });
  });

  it('drives streamText through the real provider: text, a tool call executed, then the next turn', async () => {
    server = await startScriptedOpenAIServer({
      scripts: { default: [{ text: 'Let me add them.', toolCalls: [{ name: 'add', arguments: { a: 2, b: 3 } }], usage: { input: 50, output: 10 } }, { text: 'The sum is 5.', usage: { input: 80, output: 6 } }] },
    });
    const seen: number[][] = [];
    const result = streamText({
      model: provider(server.url).chatModel('scripted-model'),
      prompt: 'What is 2 + 3?',
      tools: { add: tool({ description: 'adds', inputSchema: z.object({ a: z.number(), b: z.number() }), execute: async ({ a, b }) => (seen.push([a, b]), a + b) }) },
      stopWhen: isStepCount(3),
      onError: () => {},
    });
    const deltas: string[] = [];
    for await (const part of result.fullStream) if (part.type === 'text-delta') deltas.push(part.text);
    const steps = await result.steps;
    expect(seen).toEqual([[2, 3]]);
    expect(deltas.length).toBeGreaterThan(2);
    expect(await result.text).toBe('The sum is 5.');
    expect(steps.map((step) => [step.usage.inputTokens, step.usage.outputTokens])).toEqual([
      [50, 10],
      [80, 6],
    ]);
    expect(server.requests).toHaveLength(2);
    const secondMessages = server.requests[1]!.messages as { role: string; content?: unknown; tool_call_id?: string }[];
    expect(secondMessages.find((message) => message.role === 'tool')).toMatchObject({ tool_call_id: 'call_default_0_0', content: '5' });
  });

  it('answers non-streaming requests with a chat.completion, tool calls included', async () => {
    server = await startScriptedOpenAIServer({ scripts: { default: [{ text: 'Checking.', toolCalls: [{ name: 'look', arguments: { query: 'x' } }], usage: { input: 9, output: 4 } }] } });
    const result = await generateText({
      model: provider(server.url).chatModel('scripted-model'),
      prompt: 'go',
      tools: { look: tool({ inputSchema: z.object({ query: z.string() }) }) },
    });
    expect(server.requests[0]!.stream).not.toBe(true);
    expect(result.text).toBe('Checking.');
    expect(result.toolCalls.map((call) => [call.toolName, call.input])).toEqual([['look', { query: 'x' }]]);
    expect(result.usage.inputTokens).toBe(9);
  });

  it('replays each conversation from its own script by the candidate letter in the system prompt, in parallel and statelessly', async () => {
    server = await startScriptedOpenAIServer({
      scripts: {
        A: [{ toolCalls: [{ name: 'note', arguments: { text: 'a1' } }] }, { text: 'A done' }],
        B: [{ toolCalls: [{ name: 'note', arguments: { text: 'b1' } }] }, { text: 'B done' }],
      },
    });
    const notes: string[] = [];
    const run = (letter: string) =>
      streamText({
        model: provider(server!.url).chatModel('scripted-model'),
        system: `You are candidate ${letter}.`,
        prompt: 'work',
        tools: { note: tool({ inputSchema: z.object({ text: z.string() }), execute: async ({ text }) => (notes.push(text), 'ok') }) },
        stopWhen: isStepCount(3),
        onError: () => {},
      }).text;
    expect(await Promise.all([run('A'), run('B')])).toEqual(['A done', 'B done']);
    expect(notes.sort()).toEqual(['a1', 'b1']);
    expect(server.received.map((request) => `${request.key}${request.turn}`).sort()).toEqual(['A0', 'A1', 'B0', 'B1']);
  });

  it('replays the default script for a conversation that has none of its own', async () => {
    server = await startScriptedOpenAIServer({ scripts: { default: [{ text: 'shared' }] } });
    const result = await generateText({ model: provider(server.url).chatModel('m'), system: 'You are candidate D.', prompt: 'go' });
    expect(result.text).toBe('shared');
    expect(server.received[0]!.key).toBe('D');
  });

  it('routes with a custom function', async () => {
    server = await startScriptedOpenAIServer({ scripts: { fast: [{ text: 'routed' }] }, route: ({ body }) => (body.model === 'fast-model' ? 'fast' : 'default') });
    const result = await generateText({ model: provider(server.url).chatModel('fast-model'), prompt: 'go' });
    expect(result.text).toBe('routed');
  });

  it('fails the first `times` attempts at a turn with the status, then answers; a missing turn is a 400 that names it', async () => {
    server = await startScriptedOpenAIServer({ scripts: { default: [{ text: 'finally', failures: { status: 503, times: 2, retryAfterSeconds: 0 } }] } });
    const result = await generateText({ model: provider(server.url).chatModel('m'), prompt: 'go', maxRetries: 2 });
    expect(result.text).toBe('finally');
    expect(server.received.map((request) => request.outcome)).toEqual([503, 503, 'answered']);
    const missing = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }] }),
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe('scripted server: no turn 1 in the script of conversation "default"');
  });

  it('keeps a hanging request open until the client gives up, or the server closes', async () => {
    server = await startScriptedOpenAIServer({ scripts: { default: [{ hang: true }] } });
    const post = (signal?: AbortSignal) => fetch(`${server!.url}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [] }), ...(signal ? { signal } : {}) });
    const controller = new AbortController();
    const abandoned = post(controller.signal);
    while (server.received.length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(server.received[0]!.outcome).toBe('hung');
    controller.abort();
    await expect(abandoned).rejects.toThrow();
    const cut = post();
    while (server.received.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.close();
    server = undefined;
    await expect(cut).rejects.toThrow();
  });
});
