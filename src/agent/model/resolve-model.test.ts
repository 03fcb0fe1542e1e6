import { generateText } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { CodewrightError } from '../../core/errors.ts';
import { startScriptedAnthropicServer } from '../../../test/helpers/scripted-anthropic-server.ts';
import { startScriptedOpenAIServer } from '../../../test/helpers/scripted-openai-server.ts';
import type { ScriptedServer } from '../../../test/helpers/scripted-openai-server.ts';
import { modelCallSettings } from './call-settings.ts';
import { resolveModel } from './resolve-model.ts';

function thrown(run: () => unknown): CodewrightError {
  try {
    run();
  } catch (error) {
    if (CodewrightError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a CodewrightError');
}

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('resolveModel', () => {
  it('takes the argument, else CODEWRIGHT_MODEL, else the config; the model id keeps its own colons', () => {
    const config = { model: 'ollama:from-config' };
    expect(resolveModel('ollama:qwen2.5-coder:7b', config, { CODEWRIGHT_MODEL: 'ollama:from-env' })).toMatchObject({ id: 'ollama:qwen2.5-coder:7b', provider: 'ollama', modelId: 'qwen2.5-coder:7b' });
    expect(resolveModel(undefined, config, { CODEWRIGHT_MODEL: 'ollama:from-env' }).id).toBe('ollama:from-env');
    expect(resolveModel(undefined, config, {}).id).toBe('ollama:from-config');
  });

  it('stops with MODEL_NOT_CONFIGURED and shows how to configure a model when none is named', () => {
    const error = thrown(() => resolveModel(undefined, {}, { CODEWRIGHT_MODEL: '' }));
    expect(error.code).toBe('MODEL_NOT_CONFIGURED');
    expect(error.message).toContain('ollama pull qwen2.5-coder && codewright solve --model ollama:qwen2.5-coder');
    expect(error.message).toContain('export ANTHROPIC_API_KEY=...   then   codewright solve --model anthropic:claude-sonnet-4-5');
    expect(error.message).toContain('{ "model": "ollama:qwen2.5-coder" }');
  });

  it('knows the built-in providers, their default addresses and their environment variables', () => {
    const model = (spec: string, env: NodeJS.ProcessEnv = {}) => resolveModel(spec, {}, env);
    expect(model('ollama:m')).toMatchObject({ baseURL: 'http://127.0.0.1:11434/v1', maxRetries: 2, requestTimeoutMs: 300_000 });
    expect(model('ollama:m').apiKeyEnv).toBeUndefined();
    expect(model('ollama:m', { OLLAMA_HOST: 'gpu-box:11434' }).baseURL).toBe('http://gpu-box:11434/v1');
    expect(model('lmstudio:m').baseURL).toBe('http://127.0.0.1:1234/v1');
    expect(model('vllm:m').baseURL).toBe('http://127.0.0.1:8000/v1');
    expect(model('vllm:m', { VLLM_BASE_URL: 'http://10.0.0.5:8000/v1' }).baseURL).toBe('http://10.0.0.5:8000/v1');
    expect(model('llamacpp:m').baseURL).toBe('http://127.0.0.1:8080/v1');
    expect(model('openai:gpt-4.1', { OPENAI_API_KEY: 'k' })).toMatchObject({ baseURL: 'https://api.openai.com/v1', apiKeyEnv: 'OPENAI_API_KEY' });
    expect(model('openai:gpt-4.1', { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'https://proxy.example/v1' }).baseURL).toBe('https://proxy.example/v1');
    expect(model('anthropic:claude-sonnet-4-5', { ANTHROPIC_API_KEY: 'k' })).toMatchObject({ baseURL: 'https://api.anthropic.com/v1', apiKeyEnv: 'ANTHROPIC_API_KEY' });
    expect(model('anthropic:claude-sonnet-4-5', { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'https://gateway.example' }).baseURL).toBe('https://gateway.example/v1');
    expect(model('openrouter:qwen/qwen3-coder', { OPENROUTER_API_KEY: 'k' })).toMatchObject({ baseURL: 'https://openrouter.ai/api/v1', modelId: 'qwen/qwen3-coder' });
  });

  it('names the variable when a keyed provider has no key (an empty one counts as none)', () => {
    const error = thrown(() => resolveModel('anthropic:claude-sonnet-4-5', {}, { ANTHROPIC_API_KEY: '' }));
    expect(error.code).toBe('MODEL_KEY_MISSING');
    expect(error.message).toBe(
      'anthropic:claude-sonnet-4-5 needs ANTHROPIC_API_KEY, which is not set. Run `export ANTHROPIC_API_KEY=...` (get a key at https://console.anthropic.com/settings/keys), or use a local model without a key: --model ollama:qwen2.5-coder.',
    );
    const config = { providers: { corp: { type: 'openai-compatible' as const, baseURL: 'https://llm.example.com/v1', apiKeyEnv: 'CORP_KEY', headers: { 'X-Tenant': '${CORP_TENANT}' } } } };
    expect(thrown(() => resolveModel('corp:big', config, {})).message).toMatch(/^corp:big needs CORP_KEY and CORP_TENANT, which are not set\. Run `export CORP_KEY=\.\.\. && export CORP_TENANT=\.\.\.`/);
  });

  it('refuses an unknown provider or a spec without a provider, saying what to write', () => {
    const unknown = thrown(() => resolveModel('mystery:m', {}, {}));
    expect(unknown.code).toBe('INVALID_ARGUMENT');
    expect(unknown.message).toContain('Unknown provider "mystery". Known providers: openai, anthropic, ollama, lmstudio, vllm, llamacpp, openrouter.');
    expect(unknown.message).toContain('{ "providers": { "mystery": { "type": "openai-compatible", "baseURL": "http://127.0.0.1:8000/v1" } } }');
    expect(thrown(() => resolveModel('gpt-4.1', {}, {})).message).toBe(
      '--model takes provider:model, such as ollama:qwen2.5-coder or anthropic:claude-sonnet-4-5, not `gpt-4.1`. Run `codewright models` to see the providers.',
    );
    expect(thrown(() => resolveModel(undefined, {}, { CODEWRIGHT_MODEL: 'llama3' })).message).toMatch(/^CODEWRIGHT_MODEL takes provider:model/);
  });

  it('takes prices, the request timeout and the retries from the config', () => {
    const model = resolveModel('ollama:m', { prices: { 'ollama:m': { inputPerMillion: 1, outputPerMillion: 2 } }, requestTimeoutSeconds: 45, maxRetries: 5 }, {});
    expect(model).toMatchObject({ pricing: { inputPerMillion: 1, outputPerMillion: 2 }, requestTimeoutMs: 45_000, maxRetries: 5 });
    expect(modelCallSettings(model)).toEqual({ maxRetries: 5 });
  });

  it('sends the key from its variable and the headers with their variables filled (OpenAI-compatible)', async () => {
    server = await startScriptedOpenAIServer({ scripts: { default: [{ text: 'hi' }] } });
    const config = { providers: { corp: { type: 'openai-compatible' as const, baseURL: server.url, apiKeyEnv: 'CORP_KEY', headers: { 'X-Tenant': 'team-${CORP_TENANT}' } } } };
    const model = resolveModel('corp:big', config, { CORP_KEY: 'secret-1', CORP_TENANT: 'blue' });
    await generateText({ model: model.languageModel, prompt: 'hello', maxRetries: 0 });
    expect(server.received[0]!.headers).toMatchObject({ authorization: 'Bearer secret-1', 'x-tenant': 'team-blue' });
    expect(server.received[0]!.body.model).toBe('big');
  });

  it('sends the key as x-api-key to Anthropic, and as a bearer token for type openai', async () => {
    server = await startScriptedAnthropicServer({ scripts: { default: [{ text: 'hi' }] } });
    const anthropic = resolveModel('anthropic:claude-scripted', {}, { ANTHROPIC_API_KEY: 'ant-key', ANTHROPIC_BASE_URL: server.url });
    await generateText({ model: anthropic.languageModel, prompt: 'hello', maxOutputTokens: 16, maxRetries: 0 });
    expect(server.received[0]!.headers['x-api-key']).toBe('ant-key');
    await server.close();
    server = await startScriptedOpenAIServer({ scripts: { default: [{ text: 'hi' }] } });
    const openai = resolveModel('openai:gpt-4.1', {}, { OPENAI_API_KEY: 'oa-key', OPENAI_BASE_URL: server.url });
    expect((await generateText({ model: openai.languageModel, prompt: 'hello', maxRetries: 0 })).text).toBe('hi');
    expect(server.received[0]!.headers.authorization).toBe('Bearer oa-key');
    expect(server.received[0]!.path).toBe('/v1/chat/completions');
  });
});
