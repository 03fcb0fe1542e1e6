/** Turns `--model provider:model` (or CODEWRIGHT_MODEL, or the config's `model`) into a ready-to-call `AgentModel`. */
import { CodewrightError } from '../../core/errors.ts';
import type { CodewrightConfig } from '../config/index.ts';
import { builtinProviders, fillHeaders, headerVariables, listProviderSettings, providerSettings } from '../config/index.ts';
import type { AgentModel } from '../types.ts';
import { createLanguageModel } from './create-language-model.ts';
import { chooseModelSpec } from './model-spec.ts';
import { modelNotConfiguredError } from './not-configured.ts';
import { createTimeoutFetch } from './timeout-fetch.ts';

export const defaultRequestTimeoutSeconds = 300;
export const defaultMaxRetries = 2;

function unknownProvider(provider: string, config: CodewrightConfig, env: NodeJS.ProcessEnv): CodewrightError {
  const known = listProviderSettings(config, env).map((settings) => settings.name);
  return new CodewrightError({
    code: 'INVALID_ARGUMENT',
    message:
      `Unknown provider "${provider}". Known providers: ${known.join(', ')}. To use another OpenAI-compatible server, declare it in codewright.json: ` +
      `{ "providers": { "${provider}": { "type": "openai-compatible", "baseURL": "http://127.0.0.1:8000/v1" } } }`,
    data: { provider, known },
  });
}

function keyMissing(spec: string, variables: string[], provider: string): CodewrightError {
  const keyURL = Object.hasOwn(builtinProviders, provider) ? builtinProviders[provider]?.keyURL : undefined;
  const exports = variables.map((variable) => `export ${variable}=...`).join(' && ');
  return new CodewrightError({
    code: 'MODEL_KEY_MISSING',
    message: `${spec} needs ${variables.join(' and ')}, which ${variables.length > 1 ? 'are' : 'is'} not set. Run \`${exports}\`${keyURL ? ` (get a key at ${keyURL})` : ''}, or use a local model without a key: --model ollama:qwen2.5-coder.`,
    data: { model: spec, variables },
  });
}

/** The model `provider:modelId` with its key, headers, prices, timeout and retries from `config` and `env`. */
export function modelFor(provider: string, modelId: string, config: CodewrightConfig, env: NodeJS.ProcessEnv = process.env): AgentModel {
  const settings = providerSettings(provider, config, env);
  if (!settings) throw unknownProvider(provider, config, env);
  const id = `${provider}:${modelId}`;
  const apiKey = settings.apiKeyEnv ? env[settings.apiKeyEnv] : undefined;
  const missing = [...(settings.apiKeyEnv && !apiKey ? [settings.apiKeyEnv] : []), ...headerVariables(settings.headers).filter((variable) => !env[variable])];
  if (missing.length > 0) throw keyMissing(id, missing, provider);
  const requestTimeoutMs = (config.requestTimeoutSeconds ?? defaultRequestTimeoutSeconds) * 1000;
  const languageModel = createLanguageModel(settings, modelId, {
    ...(apiKey ? { apiKey } : {}),
    headers: fillHeaders(settings.headers, env),
    fetch: createTimeoutFetch(requestTimeoutMs),
  });
  const pricing = config.prices?.[id];
  return {
    id,
    provider,
    modelId,
    languageModel,
    ...(pricing ? { pricing } : {}),
    requestTimeoutMs,
    maxRetries: config.maxRetries ?? defaultMaxRetries,
    baseURL: settings.baseURL,
    ...(settings.apiKeyEnv ? { apiKeyEnv: settings.apiKeyEnv } : {}),
  };
}

/**
 * The model named by `spec`, else CODEWRIGHT_MODEL, else the config's `model`. Throws
 * MODEL_NOT_CONFIGURED (with how to configure one) when none is named, INVALID_ARGUMENT for a
 * malformed spec or an unknown provider, MODEL_KEY_MISSING when the provider's key variable is unset.
 */
export function resolveModel(spec: string | undefined, config: CodewrightConfig, env: NodeJS.ProcessEnv = process.env): AgentModel {
  const choice = chooseModelSpec(spec, config, env);
  if (!choice) throw modelNotConfiguredError();
  return modelFor(choice.provider, choice.modelId, config, env);
}
