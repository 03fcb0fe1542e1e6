import { describe, expect, it } from 'vitest';
import { followRenames } from './follow-renames.ts';
import type { CommitFact, FileChange } from './types.ts';

function commit(sha: string, files: FileChange[]): CommitFact {
  return { sha, author: 'a', time: 0, subject: sha, message: sha, isFix: false, issues: [], files };
}

const change = (path: string, previousPath?: string): FileChange => ({
  path, added: 1, deleted: 0, binary: false, ...(previousPath ? { previousPath } : {}),
});

const paths = (commits: CommitFact[]) => commits.map((item) => item.files.map((file) => file.path));

describe('followRenames', () => {
  it('maps older mentions of a renamed file to its name at HEAD, through chains', () => {
    const { commits, renames } = followRenames([
      commit('4', [change('c.ts', 'b.ts')]),
      commit('3', [change('b.ts', 'a.ts')]),
      commit('2', [change('a.ts'), change('other.ts')]),
    ]);
    expect(paths(commits)).toEqual([['c.ts'], ['c.ts'], ['c.ts', 'other.ts']]);
    expect(renames).toEqual(new Map([['a.ts', 'c.ts']]));
  });

  it('keeps an older file under its own name when a rename reused that name', () => {
    // Newest first: new.ts became keep.ts; before that, old.ts had taken the name new.ts.
    const { commits, renames } = followRenames([
      commit('3', [change('keep.ts', 'new.ts')]),
      commit('2', [change('new.ts', 'old.ts')]),
      commit('1', [change('new.ts'), change('old.ts')]),
    ]);
    expect(paths(commits)).toEqual([['keep.ts'], ['keep.ts'], ['new.ts', 'keep.ts']]);
    expect(renames).toEqual(new Map([['old.ts', 'keep.ts']]));
  });

  it('merges the line counts of two paths that end up under one name in the same commit', () => {
    const { commits } = followRenames([commit('2', [change('b.ts', 'a.ts')]), commit('1', [change('a.ts'), change('b.ts')])]);
    expect(commits[1]?.files).toEqual([{ path: 'b.ts', added: 2, deleted: 0, binary: false }]);
  });

  it('handles two files swapping names in one commit', () => {
    const { commits } = followRenames([
      commit('2', [change('x.ts', 'y.ts'), change('y.ts', 'x.ts')]),
      commit('1', [change('x.ts')]),
    ]);
    expect(paths(commits)).toEqual([['x.ts', 'y.ts'], ['y.ts']]);
  });
});
