/** The base of a run: a commit of the user's tree as it is now, made without touching its files, index or branches. */
import { ensureDataDirectory } from '../../atlas/store/database.ts';
import { withTemporaryIndex } from '../../evidence/change/temporary-index.ts';
import type { GitOptions } from '../../evidence/workspace/git.ts';
import { addAllButData, git, gitError, gitOutput } from '../../evidence/workspace/git.ts';
import { defaultGitTimeoutMs, gitPath, repositoryTopLevel } from '../../evidence/workspace/repository.ts';
import { baseRef } from './run-record.ts';

/** The commit a run starts from. */
export interface RunBase {
  /** The repository's top level. */
  topLevel: string;
  /** A commit whose tree is the user's tree: HEAD plus uncommitted changes and untracked, not ignored files. */
  commit: string;
  /** HEAD at that moment; null in a repository without commits. */
  head: string | null;
  /** `refs/codewright/runs/<id>`, which keeps the commit from being garbage-collected. */
  ref: string;
}

export interface CaptureBaseOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

const identity = {
  GIT_AUTHOR_NAME: 'codewright',
  GIT_AUTHOR_EMAIL: 'codewright@localhost',
  GIT_COMMITTER_NAME: 'codewright',
  GIT_COMMITTER_EMAIL: 'codewright@localhost',
};

async function currentHead(run: GitOptions): Promise<string | null> {
  const result = await git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], run);
  if (result.timedOut || result.spawnError) throw gitError(['rev-parse', 'HEAD'], result);
  return result.code === 0 ? result.stdout.trim() : null;
}

// assume-unchanged is a speed hint, not a way to hide edits: cleared in the copy so `git add -A` sees every change.
async function clearAssumeUnchanged(run: GitOptions): Promise<void> {
  const listing = await gitOutput(['ls-files', '-v', '-z'], { ...run, maxOutputBytes: 256 * 1024 * 1024 });
  const hidden = listing.split('\0').filter((entry) => /^[a-z] /.test(entry)).map((entry) => entry.slice(2));
  if (hidden.length > 0) await gitOutput(['update-index', '--no-assume-unchanged', '-z', '--stdin'], { ...run, input: `${hidden.join('\0')}\0` });
}

/**
 * Records the user's tree of the repository around `root` as a commit (parent: HEAD) and points
 * `refs/codewright/runs/<runId>` at it. Works in a copy of the git index (`GIT_INDEX_FILE`), so
 * the user's files, `.git/index`, HEAD and branches stay as they are; `.codewright/` is left out.
 */
export async function captureBase(root: string, runId: string, options: CaptureBaseOptions = {}): Promise<RunBase> {
  const timeoutMs = options.timeoutMs ?? defaultGitTimeoutMs;
  const topLevel = await repositoryTopLevel(root, timeoutMs);
  // Its .gitignore keeps `.codewright/` out of `git add -A` and out of the user's `git status`.
  ensureDataDirectory(topLevel);
  const run: GitOptions = { cwd: topLevel, timeoutMs, ...(options.signal ? { signal: options.signal } : {}) };
  const head = await currentHead(run);
  const tree = await withTemporaryIndex(async (indexFile, seeded) => {
    const scratch: GitOptions = { ...run, env: { GIT_INDEX_FILE: indexFile } };
    // Without an index to copy, start from HEAD so tracked files that match .gitignore stay tracked.
    if (!seeded && head) await gitOutput(['read-tree', head], scratch);
    await clearAssumeUnchanged(scratch);
    await addAllButData(scratch);
    return (await gitOutput(['write-tree'], scratch)).trim();
  }, await gitPath(topLevel, 'index', timeoutMs));
  const parents = head ? ['-p', head] : [];
  const message = `codewright run ${runId}: the working tree when the run started`;
  const commit = (await gitOutput(['commit-tree', '--no-gpg-sign', tree, ...parents, '-m', message], { ...run, env: identity })).trim();
  const ref = baseRef(runId);
  await gitOutput(['update-ref', '-m', `codewright run ${runId}`, ref, commit], run);
  return { topLevel, commit, head, ref };
}
