/** The validity agents: `reference` applies the task's reference solution, `empty` does nothing. */
import type { BenchTask } from '../task-schema.ts';
import type { Attempt, BenchAgent, BenchAgentOptions } from '../types.ts';
import { applyPatch } from '../run/workspace-git.ts';

/** True when `text` is a unified diff rather than an answer in words. */
export function isPatch(text: string): boolean {
  return text.trimStart().startsWith('diff --git ') || /^--- \S.*\n\+\+\+ \S/m.test(text);
}

function attempt(task: BenchTask, options: BenchAgentOptions, agent: string, fields: Partial<Attempt>): Attempt {
  return { taskId: task.id, sample: options.sample, agent, status: 'done', patch: '', answer: '', seconds: 0, inputTokens: 0, outputTokens: 0, cost: 0, ...fields };
}

/**
 * Applies `scoring.reference` when it is a patch; otherwise answers with it (ask), or with `expectedFiles` one per
 * line (localize). A reference that does not apply is an agent-error: the task's data is wrong, and the validity run shows it.
 */
export const referenceAgent: BenchAgent = {
  specificationVersion: 'v1',
  name: 'reference',
  async doAttempt(task, worktree, options) {
    const reference = task.scoring.reference;
    if (reference !== undefined && isPatch(reference)) {
      const applied = await applyPatch({ root: worktree, base: 'HEAD' }, reference, 60_000);
      return applied.success ? attempt(task, options, 'reference', {}) : attempt(task, options, 'reference', { status: 'agent-error', message: `the reference patch does not apply: ${applied.error}` });
    }
    if (reference !== undefined) return attempt(task, options, 'reference', { answer: reference });
    if (task.scoring.expectedFiles.length > 0) return attempt(task, options, 'reference', { answer: `${task.scoring.expectedFiles.join('\n')}\n` });
    return attempt(task, options, 'reference', { status: 'agent-error', message: 'the task has no reference solution (scoring.reference or scoring.expectedFiles)' });
  },
};

/** Changes nothing and answers nothing: every sound scorer fails it. */
export const emptyAgent: BenchAgent = {
  specificationVersion: 'v1',
  name: 'empty',
  async doAttempt(task, _worktree, options) {
    return attempt(task, options, 'empty', {});
  },
};
