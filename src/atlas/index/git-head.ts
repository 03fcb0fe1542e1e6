/** HEAD's commit for the history stage: read from the `.git` folder when it can be, else asked of git. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectRepository } from '../history/repository.ts';

const commitId = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Reads HEAD's commit from `<root>/.git` without running git: a detached HEAD, or a branch in a
 * loose ref file or in `packed-refs`. Undefined whenever that is not enough to be sure (no `.git`
 * folder at `root`, a linked work tree, another ref storage, an unborn branch): ask git then.
 */
export function readHeadCommit(root: string): string | undefined {
  const gitDirectory = join(root, '.git');
  const head = readText(join(gitDirectory, 'HEAD'))?.trim();
  if (!head) return undefined;
  if (commitId.test(head)) return head;
  const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
  if (!ref || ref.split('/').includes('..')) return undefined;
  const loose = readText(join(gitDirectory, ref));
  if (loose !== undefined) return commitId.test(loose.trim()) ? loose.trim() : undefined;
  for (const line of readText(join(gitDirectory, 'packed-refs'))?.split('\n') ?? []) {
    const space = line.indexOf(' ');
    if (space > 0 && line.slice(space + 1) === ref) return commitId.test(line.slice(0, space)) ? line.slice(0, space) : undefined;
  }
  return undefined;
}

/** HEAD's commit at `root`: null when `root` is not in a git work tree or has no commit yet. */
export async function currentHead(root: string): Promise<string | null> {
  return readHeadCommit(root) ?? (await detectRepository(root))?.head ?? null;
}
