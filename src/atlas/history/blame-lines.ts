/** Counts, for one file at one commit, how many lines `git blame` attributes to each commit of interest. */
import type { GitRepository } from './repository.ts';
import { runGit } from './run-git.ts';
import { blameGroupSplitter } from './blame-groups.ts';

/** Lines per commit, or why the file could not be blamed. */
export type BlameOutcome =
  | { status: 'done'; lines: Map<string, number> }
  | { status: 'failed' | 'timed-out' | 'aborted'; reason: string };

/**
 * Runs `git blame --incremental -w <commit> -- <path>` and counts the lines of the commits in `wanted`.
 * Whitespace-only changes do not take a line away from the commit that wrote it. With `oldest`,
 * blame stops digging at that commit's parents: lines older than it are not of interest.
 */
export async function blameLines(
  repository: GitRepository,
  commit: string,
  path: string,
  wanted: ReadonlySet<string>,
  options: { timeoutMs: number; signal?: AbortSignal; oldest?: string },
): Promise<BlameOutcome> {
  const lines = new Map<string, number>();
  const splitter = blameGroupSplitter(({ sha, count }) => {
    if (wanted.has(sha)) lines.set(sha, (lines.get(sha) ?? 0) + count);
  });
  const boundary = options.oldest ? ['--not', `${options.oldest}^@`] : [];
  const result = await runGit(['blame', '--incremental', '-w', commit, ...boundary, '--', path], {
    cwd: repository.root,
    timeoutMs: options.timeoutMs,
    onStdout: (chunk) => splitter.push(chunk),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  splitter.end();
  if (result.code === 0) return { status: 'done', lines };
  if (result.aborted) return { status: 'aborted', reason: 'time budget spent' };
  if (result.timedOut) return { status: 'timed-out', reason: `took longer than ${options.timeoutMs} ms` };
  return { status: 'failed', reason: result.stderr.trim() || `exit code ${result.code}` };
}
