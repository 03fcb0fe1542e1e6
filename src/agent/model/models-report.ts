/** What `codewright models` reports: the config files, the providers and their keys, the chosen model, prices, and a check. */
import { existsSync } from 'node:fs';
import { CodewrightError } from '../../core/errors.ts';
import type { PriceConfig, ProviderType } from '../config/index.ts';
import { listProviderSettings, loadConfig } from '../config/index.ts';
import { checkModel } from './check-model.ts';
import { chooseModelSpec } from './model-spec.ts';
import { modelNotConfiguredError } from './not-configured.ts';
import { resolveModel } from './resolve-model.ts';

export interface ProviderStatus {
  name: string;
  type: ProviderType;
  baseURL: string;
  apiKeyEnv?: string;
  /** Whether the key variable is set; null when the provider takes no key. */
  keySet: boolean | null;
  source: 'built-in' | 'config' | 'built-in, config';
}

export interface ModelsReport {
  files: { repository: string; repositoryFound: boolean; user: string; userFound: boolean };
  providers: ProviderStatus[];
  /** The chosen model and where it was chosen (`--model`, `CODEWRIGHT_MODEL`, or a config file). */
  model?: { id: string; chosenBy: string; requestTimeoutSeconds?: number; maxRetries?: number };
  prices: Record<string, PriceConfig>;
  /** Why the model cannot be used: none configured, a key missing, an unknown provider. */
  problem?: { code: string; message: string };
  check?: { ok: true; milliseconds: number } | { ok: false; milliseconds: number; code: string; message: string };
}

export interface ModelsReportOptions {
  /** `--model`. */
  model?: string;
  /** Send a one-token request to the chosen model (default true). */
  check?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** The report for the repository at `root`; throws CONFIG_INVALID for a bad config file and INVALID_ARGUMENT for a malformed `--model`. */
export async function modelsReport(root: string, options: ModelsReportOptions = {}): Promise<ModelsReport> {
  const env = options.env ?? process.env;
  const loaded = loadConfig(root, env);
  if (!loaded.success) throw loaded.error;
  const { config, repositoryFile, userFile } = loaded.value;
  const report: ModelsReport = {
    files: { repository: repositoryFile, repositoryFound: existsSync(repositoryFile), user: userFile, userFound: existsSync(userFile) },
    providers: listProviderSettings(config, env).map((settings) => ({
      name: settings.name,
      type: settings.type,
      baseURL: settings.baseURL,
      ...(settings.apiKeyEnv ? { apiKeyEnv: settings.apiKeyEnv } : {}),
      keySet: settings.apiKeyEnv ? Boolean(env[settings.apiKeyEnv]) : null,
      source: settings.source,
    })),
    prices: config.prices ?? {},
  };
  const choice = chooseModelSpec(options.model, config, env);
  if (!choice) {
    const error = modelNotConfiguredError();
    return { ...report, problem: { code: error.code, message: error.message } };
  }
  const chosenBy = choice.source === 'argument' ? '--model' : choice.source === 'environment' ? 'CODEWRIGHT_MODEL' : loaded.value.repository?.model ? repositoryFile : userFile;
  report.model = { id: `${choice.provider}:${choice.modelId}`, chosenBy };
  let model;
  try {
    model = resolveModel(choice.spec, config, env);
  } catch (error) {
    if (!CodewrightError.isInstance(error)) throw error;
    return { ...report, problem: { code: error.code, message: error.message } };
  }
  report.model = { ...report.model, requestTimeoutSeconds: model.requestTimeoutMs / 1000, maxRetries: model.maxRetries };
  if (options.check === false) return report;
  const check = await checkModel(model);
  report.check = check.ok ? { ok: true, milliseconds: check.milliseconds } : { ok: false, milliseconds: check.milliseconds, code: check.error.code, message: check.error.message };
  return report;
}
