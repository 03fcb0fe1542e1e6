import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { compareSnapshots, snapshotUserTree } from './snapshot.ts';

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

describe('snapshotUserTree and compareSnapshots', () => {
  it('list the tracked and untracked files a test wrote, added or removed, and a changed index', async () => {
    const fixture = createFixture({ '.gitignore': 'dist/\n', 'src/a.ts': 'a\n', 'src/b.ts': 'b\n', 'src/c.ts': 'c\n' }, { git: true });
    fixtures.push(fixture);
    fixture.write('notes.txt', 'untracked\n');
    const before = await snapshotUserTree(fixture.root);
    expect(before.indexPath).toBe('.git/index');
    expect([...before.files.keys()].sort()).toEqual(['.gitignore', 'notes.txt', 'src/a.ts', 'src/b.ts', 'src/c.ts']);
    expect(compareSnapshots(before, await snapshotUserTree(fixture.root))).toEqual([]);

    fixture.write('src/a.ts', 'a written by a test\n');
    fixture.write('notes.txt', 'longer untracked text\n');
    fixture.write('src/leak.ts', 'new\n');
    fixture.write('dist/out.js', 'ignored output is not watched\n');
    rmSync(join(fixture.root, 'src/c.ts'));
    fixture.git('add', 'src/b.ts', 'src/leak.ts');
    const after = await snapshotUserTree(fixture.root);

    expect(compareSnapshots(before, after)).toEqual([
      { path: '.git/index', change: 'modified' },
      { path: 'notes.txt', change: 'modified' },
      { path: 'src/a.ts', change: 'modified' },
      { path: 'src/c.ts', change: 'removed' },
      { path: 'src/leak.ts', change: 'added' },
    ]);
  });

  it("leave out codewright's own folder even before its .gitignore exists", async () => {
    const fixture = createFixture({ 'src/a.ts': 'a\n' }, { git: true });
    fixtures.push(fixture);
    fixture.write('.codewright/cache/test-map/base-vitest.json', '{}\n');
    const before = await snapshotUserTree(fixture.root);
    expect([...before.files.keys()]).toEqual(['src/a.ts']);
    fixture.write('.codewright/.gitignore', '*\n');
    rmSync(join(fixture.root, '.codewright/cache'), { recursive: true });
    expect(compareSnapshots(before, await snapshotUserTree(fixture.root))).toEqual([]);
  });
});
