/** The MultiPL-E scorer: tsc then node, with single calls that arrive together compiled as one batch. */
import { availableParallelism } from 'node:os';
import type { BenchScorer } from '../../types.ts';
import type { AttemptScore } from '../../types.ts';
import { candidateText } from './candidate-text.ts';
import { createCoalescer } from './coalesce.ts';
import type { BatchScoreOptions, ScoreItem } from '../batch-score.ts';
import { scoreCompletions } from './score-batch.ts';

/** A scorer that can also take many attempts at once. */
export interface MultiplEScorer extends BenchScorer {
  doScoreBatch(items: readonly ScoreItem[], options: BatchScoreOptions): Promise<AttemptScore[]>;
}

export interface MultiplEScorerOptions {
  /** tsc batches and node processes at once (default: the machine's parallelism). */
  workers?: number;
  /** How long a single doScore call waits for others to share its tsc (default 50 ms). */
  coalesceMs?: number;
}

/** Accepts tasks from MultiPL-E's TypeScript prompts (origin suite `multipl-e/...`, a checker and a `.ts` target). */
export function createMultiplEScorer(options: MultiplEScorerOptions = {}): MultiplEScorer {
  const workers = options.workers ?? availableParallelism();
  const coalescer = createCoalescer<ScoreItem & { timeoutMs: number }, AttemptScore>(
    (items) => scoreCompletions(items, { timeoutMs: Math.max(...items.map((item) => item.timeoutMs)), workers }),
    { waitMs: options.coalesceMs ?? 50, maxBatch: 64 },
  );
  return {
    specificationVersion: 'v1',
    name: 'multipl-e',
    accepts: (task) => task.language === 'typescript' && (task.origin?.suite.startsWith('multipl-e/') ?? false) && !!task.scoring.checker && !!task.target?.endsWith('.ts'),
    doScore: async (task, attempt, worktree, scoreOptions) => {
      // The worktree is the engine's once this call returns, so the candidate is read now.
      const answer = candidateText(task, attempt, worktree);
      const scored = coalescer.add({ task, attempt: { ...attempt, answer }, worktree, timeoutMs: scoreOptions.timeoutMs });
      if (!scoreOptions.signal) return scored;
      const aborted = new Promise<AttemptScore>((resolve) =>
        scoreOptions.signal.addEventListener('abort', () => resolve({ taskId: task.id, sample: attempt.sample, passed: false, status: 'environment-error', reason: 'scoring was aborted', measures: {}, seconds: 0 }), { once: true }),
      );
      return Promise.race([scored, aborted]);
    },
    doScoreBatch: (items, batchOptions) => scoreCompletions(items, { workers, ...batchOptions }),
  };
}

/** The scorer with default options. */
export const multiplEScorer: MultiplEScorer = createMultiplEScorer();
