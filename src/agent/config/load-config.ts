/** Loads `codewright.json` from the repository root over the user's `~/.config/codewright/config.json`. */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CodewrightError } from '../../core/errors.ts';
import { fail, ok } from '../../core/result.ts';
import type { Result } from '../../core/result.ts';
import type { CodewrightConfig } from './config-schema.ts';
import { providerTypes } from './config-schema.ts';
import { configError, parseConfig } from './parse-config.ts';
import { headerVariables, providerSettings } from './provider-settings.ts';

/** The merged config and the files it came from. */
export interface LoadedConfig {
  /** The user file with the repository file over it. */
  config: CodewrightConfig;
  /** `<root>/codewright.json`, whether or not it exists. */
  repositoryFile: string;
  /** `$XDG_CONFIG_HOME/codewright/config.json` or `~/.config/codewright/config.json`. */
  userFile: string;
  /** Each file as written, for settings a repository must not widen (command policy). */
  repository?: CodewrightConfig;
  user?: CodewrightConfig;
}

/** Where the user's own config lives. */
export function userConfigPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'codewright', 'config.json');
}

/** `repository` over `user`: scalars replaced, providers and prices merged by name, a provider's fields and headers merged. */
export function mergeConfigs(user: CodewrightConfig, repository: CodewrightConfig): CodewrightConfig {
  const providers: NonNullable<CodewrightConfig['providers']> = { ...user.providers };
  for (const [name, provider] of Object.entries(repository.providers ?? {})) {
    const below = providers[name];
    providers[name] = { ...below, ...provider, ...(below?.headers || provider.headers ? { headers: { ...below?.headers, ...provider.headers } } : {}) };
  }
  const agent = user.agent || repository.agent ? { ...user.agent, ...repository.agent } : undefined;
  if (agent && (user.agent?.commands || repository.agent?.commands)) agent.commands = { ...user.agent?.commands, ...repository.agent?.commands };
  if (agent && (user.agent?.secrets || repository.agent?.secrets)) agent.secrets = { ...user.agent?.secrets, ...repository.agent?.secrets };
  return {
    ...user,
    ...repository,
    ...(user.providers || repository.providers ? { providers } : {}),
    ...(user.prices || repository.prices ? { prices: { ...user.prices, ...repository.prices } } : {}),
    ...(agent ? { agent } : {}),
  };
}

function readConfig(file: string): Result<CodewrightConfig | undefined, CodewrightError> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return ok(undefined);
    return fail(new CodewrightError({ code: 'CONFIG_INVALID', message: `Cannot read ${file} (${code ?? String(error)}); check its permissions.`, data: { file }, cause: error }));
  }
  return parseConfig(text, file);
}

/** Problems that need both files and the environment: providers without a type or address, keys sent where a repository says. */
function checkProviders(loaded: LoadedConfig, env: NodeJS.ProcessEnv): CodewrightError | undefined {
  const { config, repository, user } = loaded;
  for (const name of Object.keys(config.providers ?? {})) {
    const file = repository?.providers?.[name] ? loaded.repositoryFile : loaded.userFile;
    const settings = providerSettings(name, config, env);
    if (!config.providers?.[name]?.type && !settings) {
      return configError(file, [{ path: `providers.${name}.type`, message: `"${name}" is not a built-in provider; write "type": one of ${providerTypes.map((type) => `"${type}"`).join(', ')}` }]);
    }
    if (!settings) {
      return configError(file, [{ path: `providers.${name}.baseURL`, message: 'an openai-compatible provider needs its address; write "baseURL": "http://127.0.0.1:8000/v1" (where your server listens)' }]);
    }
    const chosenByRepository = repository?.providers?.[name]?.baseURL;
    const secrets = [...(settings.apiKeyEnv ? [settings.apiKeyEnv] : []), ...headerVariables(settings.headers)];
    if (chosenByRepository && chosenByRepository !== user?.providers?.[name]?.baseURL && secrets.length > 0) {
      return configError(loaded.repositoryFile, [
        {
          path: `providers.${name}.baseURL`,
          message: `a repository's codewright.json cannot send ${secrets.join(', ')} from your environment to an address it chooses; declare provider "${name}" in ${loaded.userFile} instead`,
        },
      ]);
    }
  }
  return undefined;
}

/** Reads and merges both files; missing files are fine, invalid ones are errors that name the file and field. */
export function loadConfig(root: string, env: NodeJS.ProcessEnv = process.env): Result<LoadedConfig, CodewrightError> {
  const repositoryFile = join(root, 'codewright.json');
  const userFile = userConfigPath(env);
  const user = readConfig(userFile);
  if (!user.success) return user;
  const repository = readConfig(repositoryFile);
  if (!repository.success) return repository;
  const loaded: LoadedConfig = {
    config: mergeConfigs(user.value ?? {}, repository.value ?? {}),
    repositoryFile,
    userFile,
    ...(repository.value ? { repository: repository.value } : {}),
    ...(user.value ? { user: user.value } : {}),
  };
  const problem = checkProviders(loaded, env);
  return problem ? fail(problem) : ok(loaded);
}
