/** Scores refactoring attempts: behaviour preserved (tests and differential testing against the base), plus the change in complexity and duplication. */
import { parseDiff } from '../../evidence/change/parse-diff.ts';
import type { BenchTask } from '../task-schema.ts';
import type { Attempt, AttemptScore, BenchScorer, BenchScorerOptions } from '../types.ts';
import { behaviourVerdict } from './behaviour-evidence.ts';
import { fileVersions } from './file-versions.ts';
import { structureMeasures } from './structure-measures.ts';

type Fields = Pick<AttemptScore, 'passed' | 'status' | 'reason' | 'measures'>;

async function judge(attempt: Attempt, worktree: string, options: BenchScorerOptions): Promise<Fields> {
  if (attempt.patch.trim() === '') return { passed: false, status: 'failed', reason: 'the attempt changed nothing', measures: {} };
  const base = options.base ?? 'HEAD';
  const change = parseDiff(attempt.patch, { base });
  if (!change.success) return { passed: false, status: 'failed', reason: `the attempt's patch cannot be read: ${change.error.message}`, measures: {} };
  const structure = structureMeasures(await fileVersions(worktree, base, change.value, options.timeoutMs));
  const behaviour = await behaviourVerdict(worktree, base, attempt.patch, { timeoutMs: options.timeoutMs, signal: options.signal });
  const measures = { ...structure, ...behaviour.measures, behaviourPreserved: behaviour.preserved === true ? 1 : 0 };
  const signed = (value: number) => `${value >= 0 ? '+' : ''}${value}`;
  const shape = `complexity ${signed(structure.complexityDelta)}, duplicated lines ${signed(structure.duplicationDelta)}`;
  if (behaviour.preserved === undefined) return { passed: false, status: 'environment-error', reason: behaviour.reason, measures };
  return { passed: behaviour.preserved, status: behaviour.preserved ? 'passed' : 'failed', reason: `${behaviour.reason} (${shape})`, measures };
}

/** Accepts `refactor` tasks; the worktree holds the base plus the attempt's patch, `options.base` names the base. */
export const refactorScorer: BenchScorer = {
  specificationVersion: 'v1',
  name: 'refactor',
  accepts: (task) => task.family === 'refactor',
  async doScore(task: BenchTask, attempt: Attempt, worktree: string, options: BenchScorerOptions): Promise<AttemptScore> {
    const started = performance.now();
    const fields = await judge(attempt, worktree, options).catch((error: unknown): Fields => ({
      passed: false, status: 'environment-error', reason: `the refactor check could not run: ${error instanceof Error ? error.message : String(error)}`, measures: {},
    }));
    return { taskId: task.id, sample: attempt.sample, ...fields, seconds: (performance.now() - started) / 1000 };
  },
};
