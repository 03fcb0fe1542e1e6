/** Which model to use: `--model`, else CODEWRIGHT_MODEL, else the config's `model`; and `provider:model` parsing. */
import { CodewrightError } from '../../core/errors.ts';
import type { CodewrightConfig } from '../config/index.ts';
import { isModelSpec } from '../config/index.ts';

/** The chosen `provider:model` and where it came from. */
export interface ModelChoice {
  spec: string;
  provider: string;
  modelId: string;
  source: 'argument' | 'environment' | 'config';
}

/** Splits `provider:model` at the first colon (model ids such as `qwen2.5-coder:7b` keep theirs). */
export function parseModelSpec(spec: string, origin = '--model'): { provider: string; modelId: string } {
  const trimmed = spec.trim();
  if (!isModelSpec(trimmed)) {
    throw new CodewrightError({
      code: 'INVALID_ARGUMENT',
      message: `${origin} takes provider:model, such as ollama:qwen2.5-coder or anthropic:claude-sonnet-4-5, not \`${spec}\`. Run \`codewright models\` to see the providers.`,
      data: { spec },
    });
  }
  const colon = trimmed.indexOf(':');
  return { provider: trimmed.slice(0, colon), modelId: trimmed.slice(colon + 1) };
}

/** The model spec to use, or undefined when none of the three places names one. */
export function chooseModelSpec(spec: string | undefined, config: CodewrightConfig, env: NodeJS.ProcessEnv): ModelChoice | undefined {
  const candidates: [string | undefined, ModelChoice['source'], string][] = [
    [spec, 'argument', '--model'],
    [env.CODEWRIGHT_MODEL, 'environment', 'CODEWRIGHT_MODEL'],
    [config.model, 'config', 'the "model" of codewright.json'],
  ];
  for (const [value, source, origin] of candidates) {
    if (value === undefined || value.trim() === '') continue;
    return { spec: value.trim(), ...parseModelSpec(value, origin), source };
  }
  return undefined;
}
