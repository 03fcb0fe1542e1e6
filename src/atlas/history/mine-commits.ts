/** Mines commits with one streaming `git log`: the newest N in full, or only those after a known commit. */
import { CodewrightError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { silentLogger } from '../../core/logger.ts';
import { createLogParser, logFormat } from './parse-log.ts';
import type { GitRepository } from './repository.ts';
import { isAncestor } from './repository.ts';
import { runGit } from './run-git.ts';
import { createSplitter } from './split-stream.ts';
import { isMissingObjectError, pathsWithMissingBlobs } from './missing-blobs.ts';
import type { CommitFact } from './types.ts';

/** Default cap: the newest 20,000 non-merge commits. */
export const defaultMaxCommits = 20_000;

/** What to mine. */
export interface MineOptions {
  /** The newest commit already stored: only later commits are mined while it is an ancestor of HEAD. */
  since?: string | null;
  maxCommits?: number;
  /** Time limit of the `git log` process (default 5 minutes); commits parsed before it are kept. */
  timeoutMs?: number;
  /**
   * Files larger than this many bytes get no line counts (reported as binary), which skips diffing
   * them. Unset by default: every text file is counted exactly.
   */
  largeFileBytes?: number;
  /** Paths (relative to the top level) left out of the log, e.g. those whose contents the clone lacks. */
  excludePaths?: readonly string[];
  logger?: Logger;
}

/** Mined commits, newest first, with paths as each commit named them. */
export interface MinedHistory {
  /** `full` replaces what is stored; `incremental` adds to it. */
  mode: 'full' | 'incremental';
  /** The commit mined up to, null for a repository without commits. */
  head: string | null;
  commits: CommitFact[];
  /** False when the time limit stopped `git log` early. */
  complete: boolean;
}

/** Arguments of the `git log` that streams commits with their numstat. */
export function logArguments(repository: GitRepository, range: string, options: MineOptions = {}): string[] {
  const scope = repository.prefix === '' ? [] : ['--relative'];
  const maxCommits = options.maxCommits ?? defaultMaxCommits;
  const large = options.largeFileBytes === undefined ? [] : ['-c', `core.bigFileThreshold=${options.largeFileBytes}`];
  return [
    '-c', 'log.showSignature=false', ...large,
    'log', '--no-merges', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '--numstat', '-z',
    `--format=${logFormat}`, `--max-count=${maxCommits}`, ...scope, range, '--',
    ...(scope.length || options.excludePaths?.length ? ['.'] : []),
    ...(options.excludePaths ?? []).map((path) => `:(top,exclude,literal)${path}`),
  ];
}

async function chooseRange(repository: GitRepository, head: string, since: string | null | undefined) {
  if (!since) return { mode: 'full' as const, range: head };
  if (since === head) return { mode: 'incremental' as const, range: undefined };
  if (await isAncestor(repository, since, head)) return { mode: 'incremental' as const, range: `${since}..${head}` };
  return { mode: 'full' as const, range: head };
}

/**
 * Mines non-merge commits reachable from HEAD. With `since` still an ancestor of HEAD only the commits
 * after it are mined; otherwise (first run, rebase, branch switch) the newest `maxCommits` are.
 */
export async function mineCommits(repository: GitRepository, options: MineOptions = {}): Promise<MinedHistory> {
  const logger = options.logger ?? silentLogger;
  const head = repository.head;
  if (head === null) return { mode: 'full', head, commits: [], complete: true };
  const { mode, range } = await chooseRange(repository, head, options.since);
  if (mode === 'full' && options.since) logger.info(`history: ${options.since.slice(0, 12)} is no longer in HEAD's history; mining again`);
  if (range === undefined) return { mode, head, commits: [], complete: true };

  const first = await streamLog(repository, range, options);
  if (first.failure && isMissingObjectError(first.failure.stderr) && !options.excludePaths) {
    // A clone without some file contents: leave those paths out rather than the whole history.
    const missing = await pathsWithMissingBlobs(repository, range, options.timeoutMs ?? 300_000);
    if (missing.length > 0) {
      logger.warn(`history: ${missing.length} paths have contents missing from the clone and are left out (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`);
      const retried = await streamLog(repository, range, { ...options, excludePaths: missing });
      return finishMine(retried, repository, mode, head, range, logger);
    }
  }
  return finishMine(first, repository, mode, head, range, logger);
}

interface LogRun {
  commits: CommitFact[];
  complete: boolean;
  timedOut: boolean;
  skipped: number;
  failure?: { code: number | null; stderr: string };
}

async function streamLog(repository: GitRepository, range: string, options: MineOptions): Promise<LogRun> {
  const commits: CommitFact[] = [];
  const parser = createLogParser((commit) => commits.push(commit));
  const splitter = createSplitter(0, (token) => parser.token(token));
  const result = await runGit(logArguments(repository, range, options), {
    cwd: repository.root,
    timeoutMs: options.timeoutMs ?? 300_000,
    onStdout: (chunk) => splitter.push(chunk),
  });
  const complete = result.code === 0;
  const rest = splitter.end();
  if (complete && rest !== '') parser.token(rest);
  parser.end(complete);
  const failure = !complete && !result.timedOut ? { code: result.code, stderr: result.stderr } : undefined;
  return { commits, complete, timedOut: result.timedOut, skipped: parser.skipped, ...(failure ? { failure } : {}) };
}

function finishMine(run: LogRun, repository: GitRepository, mode: MinedHistory['mode'], head: string, range: string, logger: Logger): MinedHistory {
  if (run.skipped > 0) logger.warn(`history: skipped ${run.skipped} unexpected git log tokens`);
  if (run.failure) {
    throw new CodewrightError({
      code: 'GIT_FAILED',
      message: `git log failed in ${repository.root}: ${run.failure.stderr.trim() || `exit code ${run.failure.code}`}. Check that \`git log\` works there.`,
      data: { code: run.failure.code, range },
    });
  }
  if (run.timedOut) logger.warn(`history: git log timed out; kept the newest ${run.commits.length} commits`);
  return { mode, head, commits: run.commits, complete: run.complete };
}
