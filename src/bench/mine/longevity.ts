/** Bug-fix longevity of a mined fix task: how much of the historical fix survives at HEAD, and how much of it the agent's fix touches too. */
import { existsSync } from 'node:fs';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import { parseDiff } from '../../evidence/change/parse-diff.ts';
import { git } from '../../evidence/workspace/git.ts';
import type { BenchTask } from '../task-schema.ts';
import type { Attempt, BenchMeasure } from '../types.ts';
import { blocksMeet, changeBlocks, type ChangeBlock } from './change-blocks.ts';
import { minedSuiteName } from './mined-task.ts';
import { pathAtHead, survivingLines } from './surviving-lines.ts';

/** The fix commit of a mined fix task, or undefined for other tasks. */
function fixCommitOf(task: BenchTask): string | undefined {
  const id = task.origin?.upstreamId;
  const mined = task.family === 'fix' && task.origin?.suite === minedSuiteName && task.scoring.reference !== undefined;
  return mined && id !== undefined && /^[0-9a-f]{40}$/.test(id) ? id : undefined;
}

function met(block: ChangeBlock, others: readonly ChangeBlock[] | undefined): boolean {
  return (others ?? []).some((other) => blocksMeet(block, other));
}

/**
 * Measures, with `repo` a checkout holding the fix commit and later history (HEAD is "now"):
 * `fixLinesAdded`, `fixLinesSurviving` and `longevityShare` (surviving / added) of the historical fix;
 * `agentOverlap`, the share of the fix's added lines whose place in the base the attempt's patch also
 * changes (within a line), and `agentOverlapSurviving`, the same over the lines that survived.
 */
export async function measureLongevity(task: BenchTask, attempt: Pick<Attempt, 'patch'>, repo: string, options: { timeoutMs?: number } = {}): Promise<Result<Record<string, number>, string>> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const commit = fixCommitOf(task);
  if (commit === undefined) return fail('only mined fix tasks (origin.suite "mined" with the fix commit as upstreamId) have a longevity');
  if ((await git(['cat-file', '-e', `${commit}^{commit}`], { cwd: repo, timeoutMs })).code !== 0) return fail(`${repo} does not have the fix commit ${commit}`);
  const head = (await git(['rev-parse', 'HEAD'], { cwd: repo, timeoutMs })).stdout.trim();
  const reference = parseDiff(task.scoring.reference ?? '');
  if (!reference.success) return fail(`the reference patch cannot be read: ${reference.error.message}`);
  const agent = parseDiff(attempt.patch);
  const agentBlocks = agent.success ? changeBlocks(agent.value) : new Map<string, ChangeBlock[]>();
  const totals = { added: 0, surviving: 0, overlap: 0, overlapSurviving: 0 };
  for (const [path, blocks] of changeBlocks(reference.value)) {
    const file = reference.value.files.find((item) => (item.oldPath ?? item.newPath) === path);
    const newPath = file?.newPath;
    const added = blocks.flatMap((block) => block.added);
    if (added.length === 0 || !newPath) continue;
    const headPath = await pathAtHead(repo, commit, head, newPath, timeoutMs);
    const alive = headPath === undefined ? ok(new Set<number>()) : await survivingLines(repo, commit, head, headPath, timeoutMs);
    if (!alive.success) return fail(alive.error);
    for (const block of blocks) {
      const touched = met(block, agentBlocks.get(path));
      const survived = block.added.filter((line) => alive.value.has(line)).length;
      totals.added += block.added.length;
      totals.surviving += survived;
      if (touched) [totals.overlap, totals.overlapSurviving] = [totals.overlap + block.added.length, totals.overlapSurviving + survived];
    }
  }
  if (totals.added === 0) return fail('the historical fix adds no lines: nothing can survive');
  return ok({
    fixLinesAdded: totals.added,
    fixLinesSurviving: totals.surviving,
    longevityShare: totals.surviving / totals.added,
    agentOverlap: totals.overlap / totals.added,
    ...(totals.surviving > 0 ? { agentOverlapSurviving: totals.overlapSurviving / totals.surviving } : {}),
  });
}

/** The bench measure: longevity of mined fix tasks from their local source repository; no numbers when it cannot be measured. */
export const longevityMeasure: BenchMeasure = {
  specificationVersion: 'v1',
  name: 'longevity',
  accepts: (task) => fixCommitOf(task) !== undefined,
  async doMeasure(task, attempt, worktree, options) {
    const source = task.source.kind === 'repository' && existsSync(task.source.repository) ? task.source.repository : worktree;
    const measured = await measureLongevity(task, attempt, source, { timeoutMs: options.timeoutMs });
    if (!measured.success) options.logger?.debug(`longevity of ${task.id}: ${measured.error}`);
    return measured.success ? measured.value : {};
  },
};
