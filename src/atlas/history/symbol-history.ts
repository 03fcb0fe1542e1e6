/** The commits that touched a line range of a file, computed at query time with `git log -L`. */
import { CodewrightError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { createLogParser, logFormat } from './parse-log.ts';
import type { GitRepository } from './repository.ts';
import { detectRepository } from './repository.ts';
import { runGit } from './run-git.ts';
import { createSplitter } from './split-stream.ts';
import type { CommitSummary } from './types.ts';

/** Commits that changed the range, newest first. */
export interface SymbolHistory {
  commits: CommitSummary[];
  /** True when the time limit stopped git early: older commits may be missing. */
  timedOut: boolean;
}

/** Limits of one query. */
export interface SymbolHistoryOptions {
  /** At most this many commits (default 20). */
  limit?: number;
  /** Time limit of `git log -L` (default 10 s). */
  timeoutMs?: number;
  logger?: Logger;
}

interface LineLog extends SymbolHistory {
  failed: boolean;
  stderr: string;
}

async function lineLog(repository: GitRepository, head: string, range: string, options: SymbolHistoryOptions): Promise<LineLog> {
  const commits: CommitSummary[] = [];
  const parser = createLogParser(({ files: _files, message: _message, ...summary }) => commits.push(summary));
  const splitter = createSplitter(0, (token) => parser.token(token));
  const args = ['log', '--no-merges', '--no-color', '-z', '-s', `--format=${logFormat}`, `--max-count=${options.limit ?? 20}`];
  const result = await runGit([...args, `-L${range}`, head], {
    cwd: repository.root,
    timeoutMs: options.timeoutMs ?? 10_000,
    onStdout: (chunk) => splitter.push(chunk),
  });
  const complete = result.code === 0;
  const rest = splitter.end();
  if (complete && rest !== '') parser.token(rest);
  parser.end(complete);
  return { commits, timedOut: result.timedOut, failed: !complete && !result.timedOut, stderr: result.stderr };
}

/**
 * Commits (newest first, merges excluded) that changed lines `startLine`–`endLine` of `path` as they
 * are at HEAD, following the range back through edits and renames. Lines past the end of the
 * committed file, and files not in HEAD, have no commits. Null when `root` is not in a git work
 * tree; `timedOut` with the commits found so far when git takes too long.
 */
export async function symbolHistory(
  root: string,
  path: string,
  startLine: number,
  endLine: number,
  options: SymbolHistoryOptions = {},
): Promise<SymbolHistory | null> {
  if (!Number.isInteger(startLine) || !Number.isInteger(endLine) || startLine < 1 || endLine < startLine) {
    throw new CodewrightError({
      code: 'INVALID_ARGUMENT',
      message: `Invalid line range ${startLine}-${endLine} for ${path}: pass 1-based lines with start <= end.`,
      data: { path, startLine, endLine },
    });
  }
  const repository = await detectRepository(root, options.logger ? { logger: options.logger } : {});
  if (repository === null) return null;
  const head = repository.head;
  const none: SymbolHistory = { commits: [], timedOut: false };
  if (head === null) return none;
  let log = await lineLog(repository, head, `${startLine},${endLine}:${path}`, options);
  // The working tree may be longer than HEAD: keep the committed part of the range.
  const committedLines = Number(/has only (\d+) lines?/.exec(log.stderr)?.[1] ?? 0);
  if (log.failed && committedLines > 0) {
    if (startLine > committedLines) return none;
    log = await lineLog(repository, head, `${startLine},${committedLines}:${path}`, options);
  }
  if (log.failed && /no path .* in the commit|no such path/i.test(log.stderr)) return none;
  if (log.failed) {
    throw new CodewrightError({
      code: 'GIT_FAILED',
      message: `git log -L failed for ${path}: ${log.stderr.trim()}. Check that the path is relative to ${root}.`,
      data: { path, startLine, endLine },
    });
  }
  return { commits: log.commits, timedOut: log.timedOut };
}
