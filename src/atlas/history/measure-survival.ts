/** Measures how many lines each fix commit added still survive at HEAD, one blame per file, within a time budget. */
import type { Logger } from '../../core/logger.ts';
import { silentLogger } from '../../core/logger.ts';
import { blameLines } from './blame-lines.ts';
import type { PendingFix } from './pending-fixes.ts';
import type { GitRepository } from './repository.ts';
import { listTreeFiles } from './repository.ts';

/** Limits of the measurement. */
export interface SurvivalOptions {
  /** Total wall-clock budget in milliseconds (default 60 s); what is not reached stays unknown. */
  budgetMs?: number;
  /** Blames running at once (default 2). */
  concurrency?: number;
  /** Time limit of one blame (default 20 s). */
  timeoutMs?: number;
  logger?: Logger;
}

/** Surviving lines of the fix commits that were fully measured. */
export interface SurvivalResult {
  /** sha → lines it added that HEAD still attributes to it. */
  surviving: Map<string, number>;
  /** Fix commits left unknown: a file not blamed in time, or a failed blame. */
  pending: number;
  filesBlamed: number;
  filesFailed: number;
  filesNotReached: number;
  elapsedMs: number;
}

interface Plan {
  /** Files each fix commit needs blamed, newest fix first. */
  needs: Map<string, string[]>;
  /** Every needed file once, in the order of the newest fix that needs it. */
  queue: string[];
  /** The oldest fix that needs each file: blame need not dig further back. */
  oldest: Map<string, string>;
}

// Fixes spread over more files than this are blamed last, so they cannot hold up the focused ones.
const sweepingFiles = 50;

function plan(fixes: readonly PendingFix[], present: ReadonlySet<string>): Plan {
  const needs = new Map<string, string[]>();
  const oldest = new Map<string, string>();
  for (const fix of fixes) {
    // Files deleted since then keep none of the fix's lines; only files at HEAD are blamed.
    const files = fix.files.filter((file) => file.added > 0 && present.has(file.path)).map((file) => file.path);
    needs.set(fix.sha, files);
    for (const file of files) oldest.set(file, fix.sha);
  }
  const queue = new Set<string>();
  for (const sweeping of [false, true]) {
    for (const files of needs.values()) if (files.length > sweepingFiles === sweeping) for (const file of files) queue.add(file);
  }
  return { needs, queue: [...queue], oldest };
}

/**
 * Blames, at HEAD, the files the given fix commits added lines to (bounded concurrency, per-blame
 * timeout, total budget) and counts per fix the lines still attributed to it. `fixes` must be newest
 * first (as `pendingFixes` returns them): each blame stops at the parents of the oldest fix that
 * touched the file. A fix is counted only when all its files were blamed; the others are left for a
 * later run.
 */
export async function measureSurvival(
  repository: GitRepository,
  fixes: readonly PendingFix[],
  options: SurvivalOptions = {},
): Promise<SurvivalResult> {
  const started = Date.now();
  const deadline = started + (options.budgetMs ?? 60_000);
  const timeoutMs = options.timeoutMs ?? 20_000;
  const logger = options.logger ?? silentLogger;
  const surviving = new Map<string, number>();
  const result = (blamed: number, failed: number, notReached: number): SurvivalResult => ({
    surviving, pending: fixes.length - surviving.size, filesBlamed: blamed, filesFailed: failed,
    filesNotReached: notReached, elapsedMs: Date.now() - started,
  });
  // A fix that added no lines has nothing to survive; no git needed.
  for (const fix of fixes) if (fix.files.every((file) => file.added === 0)) surviving.set(fix.sha, 0);
  const head = repository.head;
  const open = fixes.filter((fix) => !surviving.has(fix.sha));
  if (head === null || open.length === 0 || Date.now() >= deadline) return result(0, 0, 0);

  const present = await listTreeFiles(repository, head, { timeoutMs: Math.min(timeoutMs, deadline - Date.now()), logger });
  if (present === null) return result(0, 0, 0);
  const { needs, queue, oldest } = plan(open, present);
  const wanted = new Set(open.map((fix) => fix.sha));
  const blamed = new Map<string, Map<string, number>>();
  let failed = 0;
  let next = 0;
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(), Math.max(0, deadline - Date.now()));
  const worker = async (): Promise<void> => {
    while (next < queue.length && !budget.signal.aborted) {
      const path = queue[next++] ?? '';
      const outcome = await blameLines(repository, head, path, wanted, {
        timeoutMs: Math.min(timeoutMs, Math.max(1, deadline - Date.now())),
        signal: budget.signal,
        ...(oldest.has(path) ? { oldest: oldest.get(path) } : {}),
      });
      if (outcome.status === 'done') blamed.set(path, outcome.lines);
      else if (outcome.status !== 'aborted') {
        failed++;
        logger.debug(`history: blame ${path} ${outcome.status}: ${outcome.reason}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  } finally {
    clearTimeout(timer);
  }
  for (const [sha, files] of needs) {
    if (!files.every((file) => blamed.has(file))) continue;
    surviving.set(sha, files.reduce((sum, file) => sum + (blamed.get(file)?.get(sha) ?? 0), 0));
  }
  return result(blamed.size, failed, queue.length - blamed.size - failed);
}
