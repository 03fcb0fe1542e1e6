import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APICallError, isStepCount, streamText, tool } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CodewrightError } from '../../core/errors.ts';
import { startScriptedAnthropicServer } from '../../../test/helpers/scripted-anthropic-server.ts';
import { startScriptedOpenAIServer } from '../../../test/helpers/scripted-openai-server.ts';
import type { ScriptedServer, ScriptedTurn } from '../../../test/helpers/scripted-openai-server.ts';
import { scriptedModel } from '../../../test/helpers/scripted-model.ts';
import type { AgentModel } from '../types.ts';
import { modelCallSettings } from './call-settings.ts';
import { describeModelError } from './describe-model-error.ts';
import { resolveModel } from './resolve-model.ts';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs a model the way the agent loop does: streams, executes tools, keeps the first error (streamed or thrown). */
async function run(model: AgentModel): Promise<{ text: string; error?: CodewrightError; writes: string[] }> {
  const writes: string[] = [];
  let failure: unknown;
  const result = streamText({
    ...modelCallSettings(model),
    model: model.languageModel,
    prompt: 'Fix the bug.',
    maxOutputTokens: 256,
    tools: { write_file: tool({ inputSchema: z.object({ path: z.string() }), execute: async ({ path }) => (writes.push(path), 'written') }) },
    stopWhen: isStepCount(3),
    onError: ({ error }) => {
      failure ??= error;
    },
  });
  let text = '';
  try {
    for await (const part of result.fullStream) {
      if (part.type === 'text-delta') text += part.text;
      if (part.type === 'error') failure ??= part.error;
    }
  } catch (error) {
    failure ??= error;
  }
  return { text, writes, ...(failure === undefined ? {} : { error: describeModelError(failure, model) }) };
}

const answer: ScriptedTurn[] = [{ toolCalls: [{ name: 'write_file', arguments: { path: 'fix.ts' } }] }, { text: 'Fixed.' }];

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe.each([
  ['openai', startScriptedOpenAIServer],
  ['anthropic', startScriptedAnthropicServer],
] as const)('provider failures over the %s protocol', (type, start) => {
  it('401: no retry, MODEL_AUTH naming the key variable, nothing written', async () => {
    server = await start({ scripts: { default: [{ ...answer[0]!, failures: { status: 401, times: 1 } }, answer[1]!] } });
    const { error, writes } = await run(scriptedModel(server, { type }));
    expect(error?.code).toBe('MODEL_AUTH');
    expect(error?.message).toMatch(/^scripted refused the key \(401: .+\)\. Check SCRIPTED_API_KEY: it must hold a valid key for http:\/\/127\.0\.0\.1:\d+\/v1 \(export SCRIPTED_API_KEY=\.\.\.\)\.$/);
    expect(server.requests).toHaveLength(1);
    expect(writes).toEqual([]);
  });

  it('429 twice, then an answer: retried within maxRetries and the run goes on', async () => {
    server = await start({ scripts: { default: [{ ...answer[0]!, failures: { status: 429, times: 2, retryAfterSeconds: 0 } }, answer[1]!] } });
    const { error, text, writes } = await run(scriptedModel(server, { type, maxRetries: 2 }));
    expect(error).toBeUndefined();
    expect(text).toBe('Fixed.');
    expect(writes).toEqual(['fix.ts']);
    expect(server.received.map((request) => request.outcome)).toEqual([429, 429, 'answered', 'answered']);
  });

  it('429 beyond maxRetries: MODEL_RATE_LIMITED after maxRetries + 1 requests', async () => {
    server = await start({ scripts: { default: [{ ...answer[0]!, failures: { status: 429, times: 10, retryAfterSeconds: 0 } }] } });
    const { error, writes } = await run(scriptedModel(server, { type, maxRetries: 1 }));
    expect(error?.code).toBe('MODEL_RATE_LIMITED');
    expect(error?.message).toContain('after 2 attempts');
    expect(error?.data).toMatchObject({ attempts: 2, status: 429 });
    expect(server.requests).toHaveLength(2);
    expect(writes).toEqual([]);
  });

  it('500 beyond maxRetries: MODEL_UNAVAILABLE after exactly maxRetries + 1 requests, nothing written', async () => {
    server = await start({ scripts: { default: [{ ...answer[0]!, failures: { status: 500, times: 10, retryAfterSeconds: 0 } }] } });
    const { error, writes } = await run(scriptedModel(server, { type, maxRetries: 2 }));
    expect(error?.code).toBe('MODEL_UNAVAILABLE');
    expect(error?.message).toMatch(/^scripted failed with 500 after 3 attempts \(.+\)\. The service is having trouble: run again later, or choose another model with --model\.$/);
    expect(server.requests).toHaveLength(3);
    expect(writes).toEqual([]);
  });

  it('a request that hangs past the request timeout: MODEL_TIMEOUT, not retried', async () => {
    server = await start({ scripts: { default: [{ hang: true }] } });
    const { error } = await run(scriptedModel(server, { type, requestTimeoutSeconds: 0.2, maxRetries: 2 }));
    expect(error?.code).toBe('MODEL_TIMEOUT');
    expect(error?.message).toBe(
      'scripted:scripted-model gave no answer within 0.2 s (the model endpoint sent no response for 0.2 s). Raise "requestTimeoutSeconds" in codewright.json, or choose a faster model with --model.',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('a stream that stalls past the request timeout: MODEL_TIMEOUT after the text already streamed', async () => {
    server = await start({ scripts: { default: [{ text: 'Looking at the bug now', stallAfterEvents: 4 }] } });
    const { error, text } = await run(scriptedModel(server, { type, requestTimeoutSeconds: 0.2 }));
    expect(error?.code).toBe('MODEL_TIMEOUT');
    expect(error?.message).toContain('(the model endpoint sent nothing more for 0.2 s)');
    expect(text.length).toBeGreaterThan(0);
    expect('Looking at the bug now'.startsWith(text)).toBe(true);
  });
});

describe('other provider failures', () => {
  it('404 for a model Ollama does not have: MODEL_NOT_FOUND with the pull command', async () => {
    server = await startScriptedOpenAIServer({ scripts: { default: [{ text: 'x', failures: { status: 404, times: 1 } }] } });
    const model = resolveModel('ollama:qwen2.5-coder:7b', { providers: { ollama: { baseURL: server.url } } }, {});
    const { error } = await run(model);
    expect(error?.code).toBe('MODEL_NOT_FOUND');
    expect(error?.message).toMatch(/^ollama:qwen2\.5-coder:7b was not found at http:\/\/127\.0\.0\.1:\d+\/v1 \(404: .+\)\. Check the model name; download it with `ollama pull qwen2\.5-coder:7b`/);
    expect(server.requests).toHaveLength(1);
  });

  it('Anthropic overloaded (529) beyond the retries: MODEL_UNAVAILABLE', async () => {
    server = await startScriptedAnthropicServer({ scripts: { default: [{ text: 'x', failures: { status: 529, times: 10, retryAfterSeconds: 0 } }] } });
    const { error } = await run(scriptedModel(server, { type: 'anthropic', maxRetries: 1 }));
    expect(error?.code).toBe('MODEL_UNAVAILABLE');
    expect(error?.message).toContain('failed with 529 after 2 attempts (Overloaded)');
  });

  it('a 401 from a provider configured without a key says how to give it one', async () => {
    server = await startScriptedOpenAIServer({ scripts: { default: [{ text: 'x', failures: { status: 401, times: 1 } }] } });
    const { error } = await run(scriptedModel(server));
    expect(error?.code).toBe('MODEL_AUTH');
    expect(error?.message).toContain('The endpoint asks for a key: add "apiKeyEnv": "MY_KEY" to providers.scripted in codewright.json and export MY_KEY.');
  });

  it('connection refused: MODEL_UNREACHABLE after bounded retries, with how to start Ollama', async () => {
    const port = await closedPort();
    const ollama = resolveModel('ollama:qwen2.5-coder', { providers: { ollama: { baseURL: `http://127.0.0.1:${port}/v1` } }, maxRetries: 1 }, {});
    const { error } = await run(ollama);
    expect(error?.code).toBe('MODEL_UNREACHABLE');
    expect(error?.message).toBe(`Cannot reach ollama at http://127.0.0.1:${port}/v1 (connection refused after 2 attempts). Is Ollama running? Start it with \`ollama serve\`.`);
    expect(error?.data).toMatchObject({ attempts: 2 });
    const local = resolveModel('local:m', { providers: { local: { type: 'openai-compatible', baseURL: `http://127.0.0.1:${port}/v1` } }, maxRetries: 0 }, {});
    expect((await run(local)).error?.message).toBe(`Cannot reach local at http://127.0.0.1:${port}/v1 (connection refused). Check "baseURL" of providers.local in codewright.json, and that the server is up.`);
  });

  it('an abort from the caller is reported as a stopped call; anything unknown as MODEL_FAILED; codewright errors pass through', async () => {
    const model = { id: 'ollama:m', provider: 'ollama', modelId: 'm' };
    const aborted = describeModelError(new DOMException('This operation was aborted', 'AbortError'), model);
    expect(aborted.code).toBe('MODEL_TIMEOUT');
    expect(aborted.message).toBe('The call to ollama:m was stopped before it answered (This operation was aborted).');
    expect(describeModelError(new Error('weird'), model)).toMatchObject({ code: 'MODEL_FAILED', message: 'The call to ollama:m failed: weird' });
    const nodeTimeout = new APICallError({
      message: 'Cannot connect to API: Headers Timeout Error',
      url: 'http://127.0.0.1:11434/v1/chat/completions',
      requestBodyValues: {},
      cause: Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' }),
    });
    expect(describeModelError(nodeTimeout, { ...model, requestTimeoutMs: 600_000 })).toMatchObject({ code: 'MODEL_TIMEOUT', message: expect.stringMatching(/^ollama:m gave no answer within 600 s/) });
    const own = resolveModelError();
    expect(describeModelError(own, model)).toBe(own);
  });
});

function resolveModelError(): unknown {
  try {
    return resolveModel(undefined, {}, {});
  } catch (error) {
    return error;
  }
}
