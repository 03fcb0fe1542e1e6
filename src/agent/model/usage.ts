/** Tokens and cost of model calls: from the AI SDK's usage of a step, priced per model, and summed. */
import type { LanguageModelUsage } from 'ai';
import type { ModelPricing, Usage } from '../types.ts';

export const noUsage: Usage = Object.freeze({ inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cost: 0 });

/**
 * The usage of one step. Input tokens include cached ones (the AI SDK counts them in
 * `inputTokens`); cached reads are priced at `cachedInputPerMillion` (default: the input price),
 * the rest of the input, cache writes included, at `inputPerMillion`. Cost is 0 without a price.
 */
export function usageFromStep(usage: Partial<LanguageModelUsage> | undefined, pricing?: ModelPricing): Usage {
  const inputTokens = usage?.inputTokens ?? 0;
  const outputTokens = usage?.outputTokens ?? 0;
  const cachedInputTokens = Math.min(inputTokens, usage?.inputTokenDetails?.cacheReadTokens ?? 0);
  if (!pricing) return { inputTokens, outputTokens, cachedInputTokens, cost: 0 };
  const cachedPrice = pricing.cachedInputPerMillion ?? pricing.inputPerMillion;
  const cost = ((inputTokens - cachedInputTokens) * pricing.inputPerMillion + cachedInputTokens * cachedPrice + outputTokens * pricing.outputPerMillion) / 1_000_000;
  return { inputTokens, outputTokens, cachedInputTokens, cost };
}

/** The sum of two usages. */
export function addUsage(left: Usage, right: Usage): Usage {
  return {
    inputTokens: left.inputTokens + right.inputTokens,
    outputTokens: left.outputTokens + right.outputTokens,
    cachedInputTokens: left.cachedInputTokens + right.cachedInputTokens,
    cost: left.cost + right.cost,
  };
}
