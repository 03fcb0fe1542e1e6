/** The effective settings of a provider: its built-in defaults, the environment, then the config files. */
import type { CodewrightConfig, ProviderType } from './config-schema.ts';
import { baseURLFromEnvironment, builtinProviders, defaultBaseURL, defaultKeyEnv } from './builtin-providers.ts';

export interface ProviderSettings {
  name: string;
  type: ProviderType;
  baseURL: string;
  /** The variable holding the key, when the provider takes one. */
  apiKeyEnv?: string;
  /** Header values may hold `${VARIABLE}` references, filled from the environment when a request is made. */
  headers: Record<string, string>;
  source: 'built-in' | 'config' | 'built-in, config';
  startHint?: string;
}

const variableReference = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The environment variables that `headers` refer to with `${NAME}`. */
export function headerVariables(headers: Record<string, string>): string[] {
  return [...new Set(Object.values(headers).flatMap((value) => [...value.matchAll(variableReference)].map((match) => match[1]!)))];
}

/** `headers` with every `${NAME}` replaced by its value in `env` (missing ones stay as they are). */
export function fillHeaders(headers: Record<string, string>, env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value.replace(variableReference, (whole, variable: string) => env[variable] ?? whole)]));
}

/** The settings of provider `name`, or undefined when it is neither built in nor configured (or configured without a type). */
export function providerSettings(name: string, config: CodewrightConfig, env: NodeJS.ProcessEnv): ProviderSettings | undefined {
  const builtin = Object.hasOwn(builtinProviders, name) ? builtinProviders[name] : undefined;
  const configured = config.providers && Object.hasOwn(config.providers, name) ? config.providers[name] : undefined;
  const type = configured?.type ?? builtin?.type;
  if (!type) return undefined;
  const fromEnvironment = builtin?.baseURLEnv ? env[builtin.baseURLEnv] : undefined;
  const baseURL = configured?.baseURL ?? (fromEnvironment ? baseURLFromEnvironment(fromEnvironment) : (builtin?.baseURL ?? defaultBaseURL(type)));
  if (!baseURL) return undefined;
  const apiKeyEnv = configured?.apiKeyEnv ?? (builtin && builtin.type === type ? builtin.apiKeyEnv : defaultKeyEnv(type));
  return {
    name,
    type,
    baseURL: baseURL.replace(/\/+$/, ''),
    ...(apiKeyEnv ? { apiKeyEnv } : {}),
    headers: configured?.headers ?? {},
    source: builtin && configured ? 'built-in, config' : builtin ? 'built-in' : 'config',
    ...(builtin?.startHint && !configured?.baseURL ? { startHint: builtin.startHint } : {}),
  };
}

/** Every built-in and configured provider, built-in ones first. */
export function listProviderSettings(config: CodewrightConfig, env: NodeJS.ProcessEnv): ProviderSettings[] {
  const names = [...new Set([...Object.keys(builtinProviders), ...Object.keys(config.providers ?? {})])];
  return names.flatMap((name) => providerSettings(name, config, env) ?? []);
}
