import { describe, expect, it } from 'vitest';
import { addUsage, noUsage, usageFromStep } from './usage.ts';

const sdkUsage = (input: number, output: number, cacheRead = 0) => ({
  inputTokens: input,
  outputTokens: output,
  totalTokens: input + output,
  inputTokenDetails: { noCacheTokens: input - cacheRead, cacheReadTokens: cacheRead, cacheWriteTokens: 0 },
  outputTokenDetails: { textTokens: output, reasoningTokens: 0 },
});

describe('usageFromStep', () => {
  it('prices uncached input, cached input and output per million tokens', () => {
    const usage = usageFromStep(sdkUsage(1_000_000, 200_000, 400_000), { inputPerMillion: 3, outputPerMillion: 15, cachedInputPerMillion: 0.3 });
    expect(usage).toEqual({ inputTokens: 1_000_000, outputTokens: 200_000, cachedInputTokens: 400_000, cost: 0.6 * 3 + 0.4 * 0.3 + 0.2 * 15 });
  });

  it('prices cached input like input when no cached price is set', () => {
    expect(usageFromStep(sdkUsage(2000, 1000, 1000), { inputPerMillion: 1, outputPerMillion: 2 }).cost).toBeCloseTo((2000 * 1 + 1000 * 2) / 1e6, 12);
  });

  it('counts tokens at no cost without a price, and zero when the provider reports nothing', () => {
    expect(usageFromStep(sdkUsage(10, 5))).toEqual({ inputTokens: 10, outputTokens: 5, cachedInputTokens: 0, cost: 0 });
    expect(usageFromStep(undefined, { inputPerMillion: 1, outputPerMillion: 1 })).toEqual(noUsage);
    expect(usageFromStep({ inputTokens: undefined, outputTokens: undefined })).toEqual(noUsage);
  });
});

describe('addUsage', () => {
  it('sums every field', () => {
    expect(addUsage({ inputTokens: 1, outputTokens: 2, cachedInputTokens: 3, cost: 0.5 }, { inputTokens: 10, outputTokens: 20, cachedInputTokens: 30, cost: 0.25 })).toEqual({
      inputTokens: 11,
      outputTokens: 22,
      cachedInputTokens: 33,
      cost: 0.75,
    });
    expect(addUsage(noUsage, noUsage)).toEqual(noUsage);
  });
});
