/** Lists the commits to mine: the first-parent history of HEAD (merged pull requests as one change), newest first, with the files each changed. */
import { CodewrightError } from '../../core/errors.ts';
import { createLogParser, logFormat } from '../../atlas/history/parse-log.ts';
import { runGit } from '../../atlas/history/run-git.ts';
import { createSplitter } from '../../atlas/history/split-stream.ts';
import type { CommitFact } from '../../atlas/history/types.ts';

/** Which commits to list. */
export interface ListOptions {
  /** A commit (only commits after it) or a date git understands (`2024-01-01`, `6 months ago`). */
  since?: string;
  maxCommits?: number;
  timeoutMs?: number;
}

/** Commits without a parent: no task can start before them. */
export async function rootCommits(topLevel: string, timeoutMs = 60_000): Promise<Set<string>> {
  const result = await runGit(['rev-list', '--max-parents=0', 'HEAD'], { cwd: topLevel, timeoutMs });
  return new Set(result.stdout.split('\n').filter((line) => line !== ''));
}

/**
 * `git log --first-parent` with numstat: on a branch that merges pull requests, each merge is one
 * commit whose change is the whole pull request (against the first parent); squashed and
 * rebased histories list every commit. Renames are listed as a deletion and an addition.
 */
export async function listCandidates(topLevel: string, options: ListOptions = {}): Promise<CommitFact[]> {
  const since = options.since;
  const range = since && /^[0-9a-f]{7,40}$/i.test(since) ? [`${since}..HEAD`] : ['HEAD', ...(since ? [`--since=${since}`] : [])];
  const commits: CommitFact[] = [];
  const parser = createLogParser((commit) => commits.push(commit));
  const splitter = createSplitter(0, (token) => parser.token(token));
  const args = [
    '-c', 'log.showSignature=false', 'log', '--first-parent', '--diff-merges=first-parent', '--no-renames', '--no-color',
    '--no-ext-diff', '--no-textconv', '--numstat', '-z', `--format=${logFormat}`, `--max-count=${options.maxCommits ?? 5000}`, ...range, '--',
  ];
  const result = await runGit(args, { cwd: topLevel, timeoutMs: options.timeoutMs ?? 120_000, onStdout: (chunk) => splitter.push(chunk) });
  const rest = splitter.end();
  if (result.code === 0 && rest !== '') parser.token(rest);
  parser.end(result.code === 0);
  if (result.code !== 0 && !result.timedOut) {
    throw new CodewrightError({
      code: 'GIT_FAILED',
      message: `git log failed in ${topLevel}: ${result.stderr.trim() || `exit code ${result.code}`}. Check that the repository has commits and that \`--since\` names a commit or a date.`,
      data: { since },
    });
  }
  return commits;
}
