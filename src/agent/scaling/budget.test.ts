import { describe, expect, test } from 'vitest';
import { createBudget } from './budget.ts';

const usage = (input: number, output: number, cost: number) => ({ inputTokens: input, outputTokens: output, cachedInputTokens: 0, cost });

describe('createBudget', () => {
  test('sums spend per candidate and in total, and aborts once the cost limit is reached', () => {
    const budget = createBudget({ maxCost: 0.05 });
    budget.spend('A', usage(100, 10, 0.02));
    budget.spend('B', usage(50, 5, 0.01));
    expect(budget.exceeded()).toBeUndefined();
    expect(budget.signal.aborted).toBe(false);
    budget.spend('A', usage(100, 10, 0.03));
    expect(budget.exceeded()).toBe('--max-cost $0.05 (spent $0.0600)');
    expect(budget.signal.aborted).toBe(true);
    expect(budget.perCandidate()).toEqual({
      A: { inputTokens: 200, outputTokens: 20, cachedInputTokens: 0, cost: 0.05, steps: 2, milliseconds: 0 },
      B: { inputTokens: 50, outputTokens: 5, cachedInputTokens: 0, cost: 0.01, steps: 1, milliseconds: 0 },
    });
    expect(budget.total().inputTokens).toBe(250);
    budget.dispose();
  });

  test('counts input and output tokens against --max-tokens', () => {
    const budget = createBudget({ maxTokens: 100 });
    budget.spend('A', usage(60, 39, 0));
    expect(budget.exceeded()).toBeUndefined();
    budget.spend('A', usage(1, 0, 0));
    expect(budget.exceeded()).toBe('--max-tokens 100 (spent 100)');
    budget.dispose();
  });

  test('a parent abort (Ctrl-C) stops the budget as interrupted', () => {
    const parent = new AbortController();
    const budget = createBudget({}, parent.signal);
    parent.abort();
    expect(budget.exceeded()).toBe('interrupted');
    expect(budget.signal.aborted).toBe(true);
    budget.dispose();
  });

  test('the time limit aborts the signal when it passes', async () => {
    const budget = createBudget({ maxTimeMs: 20 });
    await new Promise((resolve) => budget.signal.addEventListener('abort', resolve, { once: true }));
    expect(budget.exceeded()).toBe('--max-time 0 s');
    budget.dispose();
  });
});
