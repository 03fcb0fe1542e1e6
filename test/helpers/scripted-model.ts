/** Models that talk to a scripted server, built the way the product builds them: a config, `resolveModel`, an environment. */
import type { CodewrightConfig, PriceConfig, ProviderType } from '../../src/agent/config/index.ts';
import { resolveModel } from '../../src/agent/model/index.ts';
import type { AgentModel } from '../../src/agent/types.ts';
import type { ScriptedServer } from './scripted-turn.ts';

export interface ScriptedModelOptions {
  /** The wire protocol (default openai-compatible); `openai` and `anthropic` get a key from SCRIPTED_API_KEY. */
  type?: ProviderType;
  provider?: string;
  modelId?: string;
  maxRetries?: number;
  requestTimeoutSeconds?: number;
  pricing?: PriceConfig;
}

/** The config of a provider named `scripted` (or `options.provider`) at `server.url`. */
export function scriptedConfig(server: Pick<ScriptedServer, 'url'>, options: ScriptedModelOptions = {}): CodewrightConfig {
  const provider = options.provider ?? 'scripted';
  const type = options.type ?? 'openai-compatible';
  const spec = `${provider}:${options.modelId ?? 'scripted-model'}`;
  return {
    model: spec,
    providers: { [provider]: { type, baseURL: server.url, ...(type === 'openai-compatible' ? {} : { apiKeyEnv: 'SCRIPTED_API_KEY' }) } },
    ...(options.pricing ? { prices: { [spec]: options.pricing } } : {}),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.requestTimeoutSeconds === undefined ? {} : { requestTimeoutSeconds: options.requestTimeoutSeconds }),
  };
}

/** The environment scripted models resolve in: a test key and nothing from the real shell. */
export const scriptedEnvironment: NodeJS.ProcessEnv = { SCRIPTED_API_KEY: 'scripted-test-key' };

/** An AgentModel for `server`. */
export function scriptedModel(server: Pick<ScriptedServer, 'url'>, options: ScriptedModelOptions = {}): AgentModel {
  return resolveModel(undefined, scriptedConfig(server, options), scriptedEnvironment);
}
