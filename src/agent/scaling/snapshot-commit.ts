/** A commit of a worktree's current files (tracked and new, ignored ones left out) without touching its index or branch. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAllButData, git, gitError, gitOutput } from '../../evidence/workspace/git.ts';

/** Returns the SHA of a commit whose parent is HEAD and whose tree is what `dir` holds now. */
export async function snapshotCommit(dir: string, message: string, timeoutMs: number): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'codewright-snapshot-'));
  const env = { GIT_INDEX_FILE: join(scratch, 'index') };
  try {
    const options = { cwd: dir, timeoutMs, env };
    const read = await git(['read-tree', 'HEAD'], options);
    if (read.code !== 0) throw gitError(['read-tree', 'HEAD'], read);
    await addAllButData(options);
    const tree = (await gitOutput(['write-tree'], { cwd: dir, timeoutMs, env })).trim();
    const identity = { GIT_AUTHOR_NAME: 'codewright', GIT_AUTHOR_EMAIL: 'codewright@localhost', GIT_COMMITTER_NAME: 'codewright', GIT_COMMITTER_EMAIL: 'codewright@localhost' };
    return (await gitOutput(['commit-tree', tree, '-p', 'HEAD', '-m', message], { cwd: dir, timeoutMs, env: identity })).trim();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
