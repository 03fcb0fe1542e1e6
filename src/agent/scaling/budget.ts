/** Hard limits of a run (cost, tokens, time) shared by all its candidates, and what each candidate spent. */
import { addUsage as addUsages, noUsage as zeroUsage } from '../model/usage.ts';
import type { Usage } from '../types.ts';

export interface BudgetLimits {
  /** US dollars for the whole run. */
  maxCost?: number;
  /** Input plus output tokens for the whole run. */
  maxTokens?: number;
  /** Wall time of the whole run, ms. */
  maxTimeMs?: number;
}

export interface CandidateSpend extends Usage {
  steps: number;
  milliseconds: number;
}

export interface Budget {
  readonly limits: BudgetLimits;
  /** Adds a step's usage to `candidate` and to the total. */
  spend(candidate: string, usage: Usage): void;
  /** Adds wall time to a candidate (its total time, set once it ends). */
  setTime(candidate: string, milliseconds: number): void;
  /** The first limit reached, in words, or undefined. */
  exceeded(): string | undefined;
  /** Aborted when a limit is reached (time included): pass it to model calls and tools. */
  readonly signal: AbortSignal;
  total(): Usage;
  perCandidate(): Record<string, CandidateSpend>;
  dispose(): void;
}


/** A budget that starts its clock now; `parent` aborts it too (Ctrl-C). */
export function createBudget(limits: BudgetLimits, parent?: AbortSignal): Budget {
  const started = Date.now();
  const controller = new AbortController();
  const candidates = new Map<string, CandidateSpend>();
  let total = zeroUsage;
  let reason: string | undefined;
  const stop = (why: string) => {
    if (reason) return;
    reason = why;
    controller.abort(new Error(`limit reached: ${why}`));
  };
  const timer = limits.maxTimeMs === undefined ? undefined : setTimeout(() => stop(`--max-time ${Math.round(limits.maxTimeMs! / 1000)} s`), limits.maxTimeMs);
  timer?.unref();
  const onParentAbort = () => stop('interrupted');
  parent?.addEventListener('abort', onParentAbort, { once: true });
  const check = () => {
    if (limits.maxCost !== undefined && total.cost >= limits.maxCost) stop(`--max-cost $${limits.maxCost} (spent $${total.cost.toFixed(4)})`);
    const tokens = total.inputTokens + total.outputTokens;
    if (limits.maxTokens !== undefined && tokens >= limits.maxTokens) stop(`--max-tokens ${limits.maxTokens} (spent ${tokens})`);
  };
  const entry = (candidate: string) => {
    let spend = candidates.get(candidate);
    if (!spend) {
      spend = { ...zeroUsage, steps: 0, milliseconds: 0 };
      candidates.set(candidate, spend);
    }
    return spend;
  };
  return {
    limits,
    signal: controller.signal,
    spend(candidate, usage) {
      const spend = entry(candidate);
      Object.assign(spend, addUsages(spend, usage), { steps: spend.steps + 1 });
      total = addUsages(total, usage);
      check();
    },
    setTime(candidate, milliseconds) {
      entry(candidate).milliseconds = milliseconds;
    },
    exceeded: () => reason ?? (limits.maxTimeMs !== undefined && Date.now() - started >= limits.maxTimeMs ? `--max-time ${Math.round(limits.maxTimeMs / 1000)} s` : undefined),
    total: () => total,
    perCandidate: () => Object.fromEntries([...candidates].map(([name, spend]) => [name, { ...spend }])),
    dispose() {
      if (timer) clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}
