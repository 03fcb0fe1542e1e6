/** Checks that a model answers: one tiny request, its latency or the classified error. */
import { generateText } from 'ai';
import type { CodewrightError } from '../../core/errors.ts';
import type { AgentModel } from '../types.ts';
import { describeModelError } from './describe-model-error.ts';

export type ModelCheck = { ok: true; milliseconds: number; text: string } | { ok: false; milliseconds: number; error: CodewrightError };

/**
 * Asks `model` for one token. No retries: the check reports how the model answers now (a
 * rate limit or an outage shows as such instead of waiting through backoff).
 */
export async function checkModel(model: AgentModel, options: { signal?: AbortSignal } = {}): Promise<ModelCheck> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const result = await generateText({
      model: model.languageModel,
      prompt: 'Reply with the single word OK.',
      maxOutputTokens: 1,
      maxRetries: 0,
      ...(options.signal ? { abortSignal: options.signal } : {}),
    });
    return { ok: true, milliseconds: elapsed(), text: result.text };
  } catch (error) {
    return { ok: false, milliseconds: elapsed(), error: describeModelError(error, model) };
  }
}
