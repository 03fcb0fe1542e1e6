/** `codewright bench mine <repo>`: fix, refactoring and localization tasks from a repository's own history, each verified in a temporary worktree. */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { resolveCommit, repositoryTopLevel } from '../../evidence/workspace/repository.ts';
import type { BenchTask } from '../task-schema.ts';
import { listCandidates, rootCommits } from './list-candidates.ts';
import { localizeTask } from './localize-task.ts';
import type { MinedCommit } from './mined-task.ts';
import type { MineEvent, MineKind, MineOptions, MineResult } from './mine-options.ts';
import { createMiningWorktree, type MiningWorktree } from './mining-worktree.ts';
import { problemStatement, titlesFromHistory } from './problem-statement.ts';
import type { RunLimits } from './run-tests.ts';
import { type Candidate, selectCandidates } from './select-candidates.ts';
import { splitCommit, type SplitCommit } from './split-commit.ts';
import { type Verification, verifyFix } from './verify-fix.ts';
import { verifyRefactor } from './verify-refactor.ts';
import { gitHubWebUrl } from './web-url.ts';

const allKinds: MineKind[] = ['fix', 'refactor', 'localize'];

interface Run {
  topLevel: string;
  repoName: string;
  titles: Map<string, string>;
  webUrl?: string;
  deadline: number;
  timeoutMs: number;
  options: MineOptions;
  result: MineResult;
  worktree?: MiningWorktree;
}

function limits(run: Run): RunLimits {
  return { timeoutMs: () => Math.max(1000, Math.min(run.timeoutMs, run.deadline - Date.now())), ...(run.options.signal ? { signal: run.options.signal } : {}) };
}

async function verify(run: Run, kind: MineKind, mined: MinedCommit, split: SplitCommit): Promise<Verification> {
  if (kind === 'localize') return localizeTask(mined, split.codePaths, split.fixPatch, run.timeoutMs);
  run.worktree ??= await createMiningWorktree(run.topLevel, mined.parent, run.timeoutMs);
  return kind === 'fix' ? verifyFix(mined, split, run.worktree, limits(run)) : verifyRefactor(mined, split, run.worktree, limits(run));
}

function record(run: Run, commit: string, kind: MineKind, outcome: Verification, started: number): void {
  if ('task' in outcome) run.result.tasks.push(outcome.task);
  else {
    run.result.rejected.push({ commit, kind, reason: outcome.reason });
    run.result.problems.push(`${commit.slice(0, 12)} ${kind}: ${outcome.reason}`);
  }
  run.options.onProgress?.({ type: 'candidate-end', commit, kind, kept: 'task' in outcome, ...('reason' in outcome ? { reason: outcome.reason } : {}), milliseconds: Date.now() - started });
  run.options.logger?.debug(`mine: ${commit.slice(0, 12)} ${kind}: ${'task' in outcome ? 'kept' : outcome.reason}`);
}

async function examine(run: Run, candidate: Candidate, index: number, total: number): Promise<void> {
  const { commit } = candidate;
  const split = await splitCommit(run.topLevel, commit, run.timeoutMs);
  for (const kind of candidate.kinds) {
    if (run.options.limit !== undefined && run.result.tasks.length >= run.options.limit) return;
    const started = Date.now();
    run.options.onProgress?.({ type: 'candidate-start', commit: commit.sha, kind, index, total });
    let outcome: Verification;
    if (!split.success) outcome = { reason: split.error };
    else {
      const request = problemStatement(commit, run.titles).text;
      const mined: MinedCommit = { topLevel: run.topLevel, repoName: run.repoName, commit, parent: split.value.parent, request, ...(run.webUrl ? { webUrl: run.webUrl } : {}) };
      outcome = await verify(run, kind, mined, split.value).catch((error: unknown) => ({ reason: `verification failed: ${error instanceof Error ? error.message : String(error)}` }));
    }
    record(run, commit.sha, kind, outcome, started);
  }
}

function stopReason(run: Run): Extract<MineEvent, { type: 'mine-stop' }>['reason'] | undefined {
  if (run.options.signal?.aborted) return 'aborted';
  if (run.options.limit !== undefined && run.result.tasks.length >= run.options.limit) return 'limit';
  return Date.now() >= run.deadline ? 'budget' : undefined;
}

/**
 * Mines tasks from the repository at `repo` (a git work tree): candidate commits newest first, each
 * verified in one temporary worktree that is removed at the end. Fix tasks are kept when the commit's
 * tests fail at its parent with only the test patch and pass with the fix; refactoring tasks when the
 * tests reaching the code pass before and after; localization tasks need no run. Stops at `limit`
 * tasks, after `maxCandidates` commits, or when `budgetMs` is spent.
 */
export async function mineRepository(repo: string, options: MineOptions = {}): Promise<MineResult> {
  const topLevel = await repositoryTopLevel(repo);
  await resolveCommit(topLevel, 'HEAD');
  const timeoutMs = options.timeoutMs ?? 120_000;
  const commits = await listCandidates(topLevel, { ...(options.since ? { since: options.since } : {}), timeoutMs });
  const roots = await rootCommits(topLevel, timeoutMs);
  const candidates = selectCandidates(commits.filter((commit) => !roots.has(commit.sha)), new Set(options.kinds ?? allKinds), options.maxCandidates ?? 200);
  options.onProgress?.({ type: 'scan-end', commits: commits.length, candidates: candidates.length });
  const webUrl = await gitHubWebUrl(topLevel);
  const run: Run = {
    topLevel, repoName: basename(topLevel), titles: titlesFromHistory(commits), ...(webUrl ? { webUrl } : {}),
    deadline: Date.now() + (options.budgetMs ?? 30 * 60_000), timeoutMs, options, result: { tasks: [], rejected: [], problems: [] },
  };
  try {
    for (const [index, candidate] of candidates.entries()) {
      const reason = stopReason(run);
      if (reason) {
        options.onProgress?.({ type: 'mine-stop', reason, examined: index, remaining: candidates.length - index });
        break;
      }
      await examine(run, candidate, index, candidates.length);
    }
  } finally {
    await run.worktree?.dispose();
  }
  if (options.out) await writeTasks(options.out, run.result.tasks);
  return run.result;
}

/** Writes tasks as JSON lines. */
export async function writeTasks(path: string, tasks: readonly BenchTask[]): Promise<void> {
  await writeFile(path, tasks.map((task) => `${JSON.stringify(task)}\n`).join(''));
}
