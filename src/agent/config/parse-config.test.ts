import { describe, expect, it } from 'vitest';
import { parseConfig } from './parse-config.ts';

const parse = (value: unknown) => parseConfig(typeof value === 'string' ? value : JSON.stringify(value), '/repo/codewright.json');

function errorOf(value: unknown): { code: string; message: string } {
  const result = parse(value);
  if (result.success) throw new Error('expected a config error');
  return result.error;
}

describe('parseConfig', () => {
  it('reads every field of a full config', () => {
    const config = {
      $schema: 'https://example.com/codewright.schema.json',
      model: 'local:qwen2.5-coder:7b',
      providers: {
        local: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:8000/v1', headers: { 'X-Title': 'codewright' } },
        corp: { type: 'openai', baseURL: 'https://llm.example.com/v1', apiKeyEnv: 'CORP_LLM_KEY', headers: { Authorization: 'Bearer ${CORP_TOKEN}' } },
      },
      prices: { 'openai:gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8, cachedInputPerMillion: 0.5 } },
      requestTimeoutSeconds: 120,
      maxRetries: 3,
      agent: { commands: { allow: ['npm', 'node'], deny: ['rm\\s+-rf'] }, secrets: { allow: ['config/test.env'] } },
    };
    expect(parse(config)).toEqual({ success: true, value: config });
    expect(parse({})).toEqual({ success: true, value: {} });
  });

  it('refuses a literal apiKey and points to apiKeyEnv, naming the file and the field', () => {
    const error = errorOf({ providers: { corp: { type: 'openai', apiKey: 'sk-secret' } } });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(
      '/repo/codewright.json: providers.corp.apiKey: keys are never written into a config file; write "apiKeyEnv": "MY_PROVIDER_API_KEY" and export MY_PROVIDER_API_KEY in your shell',
    );
    expect(error.message).not.toContain('sk-secret');
  });

  it('refuses a credential written into a header, and accepts a ${VARIABLE} reference', () => {
    expect(errorOf({ providers: { corp: { type: 'openai-compatible', baseURL: 'http://x.test/v1', headers: { Authorization: 'Bearer abc123' } } } }).message).toBe(
      '/repo/codewright.json: providers.corp.headers.Authorization: a credential must not be written into the file; write "Bearer ${MY_TOKEN}" and export MY_TOKEN in your shell',
    );
    expect(parse({ providers: { corp: { type: 'openai-compatible', baseURL: 'http://x.test/v1', headers: { 'api-key': '${CORP_KEY}' } } } }).success).toBe(true);
  });

  it('says what to write for each wrong field, one line per problem', () => {
    const error = errorOf({ model: 'gpt4', maxRetries: 'three', requestTimeoutSeconds: -1, providers: { local: { type: 'ollama', baseURL: 'localhost:8000' } }, prices: { gpt4: { inputPerMillion: 1 } } });
    expect(error.message.split('\n')).toEqual([
      '/repo/codewright.json: model: write provider:model, such as "ollama:qwen2.5-coder"',
      '/repo/codewright.json: providers.local.type: write one of "openai-compatible", "openai", "anthropic"',
      '/repo/codewright.json: providers.local.baseURL: write an http(s) URL such as "http://127.0.0.1:11434/v1"',
      '/repo/codewright.json: prices.gpt4: write the key as provider:model, such as "openai:gpt-4.1"',
      '/repo/codewright.json: requestTimeoutSeconds: write seconds > 0',
      '/repo/codewright.json: maxRetries: write a whole number of retries, such as 2',
    ]);
  });

  it('caps the request timeout where Node itself gives up', () => {
    expect(errorOf({ requestTimeoutSeconds: 900 }).message).toBe("/repo/codewright.json: requestTimeoutSeconds: write at most 300: Node's fetch itself gives up after 300 s of silence");
  });

  it('names a missing required field', () => {
    expect(errorOf({ prices: { 'openai:gpt-4.1': { inputPerMillion: 1 } } }).message).toBe('/repo/codewright.json: prices.openai:gpt-4.1.outputPerMillion: this field is required');
  });

  it('names unknown fields and bad deny patterns', () => {
    expect(errorOf({ modle: 'ollama:x' }).message).toBe('/repo/codewright.json: (top level): unknown field "modle" in the top level; remove it or check the spelling');
    expect(errorOf({ agent: { commands: { deny: ['ok', '(unclosed'] } } }).message).toMatch(
      /^\/repo\/codewright\.json: agent\.commands\.deny\[1\]: not a regular expression \(.*\); escape special characters with \\\\$/,
    );
  });

  it('names the file when it is not JSON or not an object', () => {
    expect(errorOf('{ "model": ').message).toMatch(/^\/repo\/codewright\.json is not valid JSON \(.+\); fix it, or remove the file to use the defaults\.$/);
    expect(errorOf([1]).message).toBe('/repo/codewright.json: (top level): write a JSON object, such as {"model": "ollama:qwen2.5-coder"}');
  });
});
