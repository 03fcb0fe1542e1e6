/** The agent's configuration: `codewright.json`, the user's config file, built-in providers and their effective settings. */
export { configSchema, isModelSpec, providerTypes } from './config-schema.ts';
export type { CodewrightConfig, PriceConfig, ProviderConfig, ProviderType } from './config-schema.ts';
export { configError, parseConfig } from './parse-config.ts';
export type { ConfigIssue } from './parse-config.ts';
export { loadConfig, mergeConfigs, userConfigPath } from './load-config.ts';
export type { LoadedConfig } from './load-config.ts';
export { baseURLFromEnvironment, builtinProviders, defaultBaseURL, defaultKeyEnv } from './builtin-providers.ts';
export type { BuiltinProvider } from './builtin-providers.ts';
export { fillHeaders, headerVariables, listProviderSettings, providerSettings } from './provider-settings.ts';
export type { ProviderSettings } from './provider-settings.ts';
