/** The providers codewright knows without configuration: where they listen and which environment variables they read. */
import type { ProviderType } from './config-schema.ts';

export interface BuiltinProvider {
  type: ProviderType;
  baseURL: string;
  /** Overrides `baseURL` when set (a bare `host:port` gets `http://` and `/v1`). */
  baseURLEnv?: string;
  /** Holds the key; the provider refuses to start without it. */
  apiKeyEnv?: string;
  /** Where to get a key, for "key missing" messages. */
  keyURL?: string;
  /** How to start a local server, for "cannot reach" messages. */
  startHint?: string;
}

export const builtinProviders: Readonly<Record<string, BuiltinProvider>> = {
  openai: { type: 'openai', baseURL: 'https://api.openai.com/v1', baseURLEnv: 'OPENAI_BASE_URL', apiKeyEnv: 'OPENAI_API_KEY', keyURL: 'https://platform.openai.com/api-keys' },
  anthropic: { type: 'anthropic', baseURL: 'https://api.anthropic.com/v1', baseURLEnv: 'ANTHROPIC_BASE_URL', apiKeyEnv: 'ANTHROPIC_API_KEY', keyURL: 'https://console.anthropic.com/settings/keys' },
  ollama: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:11434/v1', baseURLEnv: 'OLLAMA_HOST', startHint: 'Is Ollama running? Start it with `ollama serve`.' },
  lmstudio: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:1234/v1', startHint: "Is LM Studio's server running? Start it with `lms server start`." },
  vllm: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:8000/v1', baseURLEnv: 'VLLM_BASE_URL', startHint: 'Is vLLM running? Start it with `vllm serve <model>`.' },
  llamacpp: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:8080/v1', startHint: 'Is llama.cpp server running? Start it with `llama-server -m <model.gguf>`.' },
  openrouter: { type: 'openai-compatible', baseURL: 'https://openrouter.ai/api/v1', apiKeyEnv: 'OPENROUTER_API_KEY', keyURL: 'https://openrouter.ai/keys' },
};

/** The base URL of a configured provider of `type` that names none (openai-compatible ones must name one). */
export function defaultBaseURL(type: ProviderType): string | undefined {
  if (type === 'openai') return builtinProviders.openai!.baseURL;
  if (type === 'anthropic') return builtinProviders.anthropic!.baseURL;
  return undefined;
}

/** The key variable a provider of `type` reads when its config names none. */
export function defaultKeyEnv(type: ProviderType): string | undefined {
  if (type === 'openai') return 'OPENAI_API_KEY';
  if (type === 'anthropic') return 'ANTHROPIC_API_KEY';
  return undefined;
}

/**
 * A base URL from an environment variable: `127.0.0.1:11434` and `http://host:11434` become
 * `http://…/v1`, since the variables of Ollama and Anthropic's own tools name a host without `/v1`.
 */
export function baseURLFromEnvironment(value: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  try {
    const url = new URL(withScheme);
    if (url.pathname === '/' || url.pathname === '') url.pathname = '/v1';
    return url.toString().replace(/\/$/, '');
  } catch {
    return value;
  }
}
