/** The text of each file a patch touches, at the base commit and in the worktree that holds the patch. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Change } from '../../core/change.ts';
import { git } from '../../evidence/workspace/git.ts';

/** Both versions of the changed files, keyed by path; a side where the file does not exist is absent. */
export interface FileVersions {
  before: Map<string, string>;
  after: Map<string, string>;
}

/** Reads the old sides with `git show <base>:<path>` and the new sides from `worktree`. */
export async function fileVersions(worktree: string, base: string, change: Change, timeoutMs: number): Promise<FileVersions> {
  const versions: FileVersions = { before: new Map(), after: new Map() };
  for (const file of change.files) {
    if (file.binary) continue;
    if (file.oldPath !== null) {
      const shown = await git(['show', `${base}:${file.oldPath}`], { cwd: worktree, timeoutMs, maxOutputBytes: 16 * 1024 * 1024 });
      if (shown.code === 0) versions.before.set(file.oldPath, shown.stdout);
    }
    if (file.newPath !== null) {
      const text = await readFile(join(worktree, file.newPath), 'utf8').catch(() => undefined);
      if (text !== undefined) versions.after.set(file.newPath, text);
    }
  }
  return versions;
}
