import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { CodewrightError } from '../../core/errors.ts';
import { createWorkspaces } from '../workspace/create-workspaces.ts';
import { hashTree } from '../workspace/testing/hash-tree.ts';
import { collectChange } from './collect-change.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function repository(files: Record<string, string | Buffer>): Fixture {
  const fixture = createFixture(files, { git: true });
  cleanups.push(() => fixture.remove());
  return fixture;
}

async function rejection(promise: Promise<unknown>): Promise<CodewrightError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!CodewrightError.isInstance(error)) throw new Error(`expected a CodewrightError, got ${String(error)}`);
  return error;
}

const lines = (count: number, label = 'line') => Array.from({ length: count }, (_, index) => `${label} ${index + 1}`).join('\n') + '\n';

describe('collectChange: the working tree', () => {
  it('includes staged, unstaged, untracked, deleted, renamed and binary files, and writes nothing the user owns', async () => {
    const fixture = repository({
      '.gitignore': 'dist/\n*.log\n',
      'src/staged.ts': lines(5),
      'src/unstaged.ts': lines(5),
      'src/both.ts': lines(20),
      'src/gone.ts': 'bye\n',
      'src/old-name.ts': lines(30, 'keep'),
      'img.bin': Buffer.from([0, 1, 2, 3]),
    });
    fixture.write('src/staged.ts', lines(5).replace('line 2', 'staged 2'));
    fixture.git('add', 'src/staged.ts');
    fixture.write('src/unstaged.ts', lines(5).replace('line 4', 'unstaged 4'));
    fixture.write('src/both.ts', lines(20).replace('line 1\n', 'staged 1\n'));
    fixture.git('add', 'src/both.ts');
    fixture.write('src/both.ts', lines(20).replace('line 1\n', 'staged 1\n').replace('line 18', 'then unstaged 18'));
    fixture.write('src/untracked.ts', 'export const fresh = 1;\n');
    fixture.write('dist/out.js', 'ignored\n');
    fixture.write('debug.log', 'ignored\n');
    fixture.write('img.bin', Buffer.from([0, 9, 9, 3, 0]));
    fixture.git('rm', '-q', 'src/gone.ts');
    fixture.git('mv', 'src/old-name.ts', 'src/new-name.ts');
    const before = hashTree(fixture.root);

    const change = await collectChange(fixture.root);

    expect(hashTree(fixture.root)).toEqual(before);
    expect(change.base).toBe(fixture.git('rev-parse', 'HEAD').trim());
    const byPath = new Map(change.files.map((file) => [file.newPath ?? file.oldPath, file]));
    expect([...byPath.keys()].sort()).toEqual(['img.bin', 'src/both.ts', 'src/gone.ts', 'src/new-name.ts', 'src/staged.ts', 'src/unstaged.ts', 'src/untracked.ts']);
    expect(byPath.get('src/untracked.ts')).toMatchObject({ kind: 'added' });
    expect(byPath.get('src/gone.ts')).toMatchObject({ kind: 'deleted' });
    expect(byPath.get('src/new-name.ts')).toMatchObject({ kind: 'renamed', oldPath: 'src/old-name.ts' });
    expect(byPath.get('img.bin')).toMatchObject({ binary: true });
    expect(change.patch).toContain('GIT binary patch');
    const both = byPath.get('src/both.ts')?.hunks.flatMap((hunk) => hunk.lines.filter((line) => line.type === '+').map((line) => line.text));
    expect(both).toEqual(['staged 1', 'then unstaged 18']);
  });

  it('leaves codewright\'s data folder out, whether or not the project\'s .gitignore lists it', async () => {
    for (const ignore of ['.codewright\n', '.codewright/\n', 'node_modules\n']) {
      const fixture = repository({ '.gitignore': ignore, 'src/a.ts': lines(3) });
      fixture.write('.codewright/index.db', 'not source\n');
      fixture.write('.codewright/tsc/state.tsbuildinfo', '{}\n');
      fixture.write('src/a.ts', lines(3).replace('line 2', 'changed 2'));
      const change = await collectChange(fixture.root);
      expect(change.files.map((file) => file.newPath)).toEqual(['src/a.ts']);
    }
  });

  it('sees edits to files marked assume-unchanged, and works from a subfolder', async () => {
    const fixture = repository({ 'pkg/a.ts': 'a\n', 'b.ts': 'b\n' });
    fixture.git('update-index', '--assume-unchanged', 'pkg/a.ts');
    fixture.write('pkg/a.ts', 'changed\n');
    const before = hashTree(fixture.root);
    const change = await collectChange(join(fixture.root, 'pkg'));
    expect(change.files.map((file) => file.newPath)).toEqual(['pkg/a.ts']);
    expect(hashTree(fixture.root)).toEqual(before);
  });

  it('sends text files that are not UTF-8 as exact binary patches that apply', async () => {
    const names = ['latin1.txt', 'odd [name]*? "q".txt'];
    const fixture = repository(Object.fromEntries(names.map((name) => [name, Buffer.from('caf\xe9\nline\n', 'latin1')])));
    for (const name of names) fixture.write(name, Buffer.from('caf\xe9\nline two\n', 'latin1'));
    fixture.write('plain.txt', 'caf\u00e9\n');
    const change = await collectChange(fixture.root);
    expect(change.files.map((file) => [file.newPath, file.binary])).toEqual([['latin1.txt', true], [names[1], true], ['plain.txt', false]]);
    const workspaces = await createWorkspaces(fixture.root, change, { linkDependencies: false });
    cleanups.push(() => void workspaces.dispose());
    for (const name of names) expect(readFileSync(join(workspaces.changeDir, name))).toEqual(Buffer.from('caf\xe9\nline two\n', 'latin1'));
    await workspaces.dispose();
  });

  it('compares against --base, and gives no files when nothing changed', async () => {
    const fixture = repository({ 'a.txt': 'one\n' });
    const first = fixture.git('rev-parse', 'HEAD').trim();
    fixture.write('a.txt', 'two\n');
    fixture.commit('two');
    expect((await collectChange(fixture.root)).files).toEqual([]);
    const change = await collectChange(fixture.root, { base: 'HEAD~1' });
    expect(change.base).toBe(first);
    expect(change.files[0]?.hunks[0]?.lines.map((line) => `${line.type}${line.text}`)).toEqual(['-one', '+two']);
  });

  it('says to run inside a git repository, names a base revision that does not exist, and asks for a first commit', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'codewright-plain-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const outside = await rejection(collectChange(folder));
    expect(outside.code).toBe('INVALID_ARGUMENT');
    expect(outside.message).toMatch(/not inside a git repository.*inside a git repository/);

    const fixture = repository({ 'a.txt': 'one\n' });
    const unknown = await rejection(collectChange(fixture.root, { base: 'no-such-branch' }));
    expect(unknown.code).toBe('INVALID_ARGUMENT');
    expect(unknown.message).toContain('`no-such-branch` does not exist');

    const empty = createFixture({ 'a.txt': 'one\n' });
    cleanups.push(() => empty.remove());
    empty.git('init', '-q');
    const unborn = await rejection(collectChange(empty.root));
    expect(unborn.code).toBe('INVALID_ARGUMENT');
    expect(unborn.message).toContain('has no commits yet');
  });
});

describe('collectChange: a patch file', () => {
  function patchOf(fixture: Fixture, edit: () => void): string {
    edit();
    const text = fixture.git('diff', '--binary');
    fixture.git('checkout', '-q', '--', '.');
    return text;
  }

  it('reads and checks a patch against the base without writing the user tree', async () => {
    const fixture = repository({ 'src/a.ts': lines(10), 'logo.bin': Buffer.from([0, 1]) });
    const text = patchOf(fixture, () => {
      fixture.write('src/a.ts', lines(10).replace('line 5', 'five'));
      fixture.write('logo.bin', Buffer.from([0, 2, 3]));
    });
    fixture.write('change.diff', text);
    fixture.write('src/a.ts', 'the user edits the working tree meanwhile\n');
    const before = hashTree(fixture.root);
    const change = await collectChange(fixture.root, { patchFile: 'change.diff' });
    expect(hashTree(fixture.root)).toEqual(before);
    expect(change.patch).toBe(text);
    expect(change.files.map((file) => [file.newPath, file.binary])).toEqual([['logo.bin', true], ['src/a.ts', false]]);
  });

  it('names the file and hunk of a patch that does not apply to the base', async () => {
    const fixture = repository({ 'src/a.ts': lines(40), 'src/b.ts': lines(3) });
    const text = patchOf(fixture, () => {
      fixture.write('src/a.ts', lines(40).replace('line 2\n', 'two\n').replace('line 30', 'thirty'));
      fixture.write('src/b.ts', 'x\n');
    });
    fixture.write('src/a.ts', lines(40).replace('line 29', 'changed upstream'));
    fixture.commit('upstream');
    fixture.write('change.diff', text);
    const error = await rejection(collectChange(fixture.root, { patchFile: join(fixture.root, 'change.diff') }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.data).toMatchObject({ file: 'src/a.ts', hunk: 'src/a.ts#1' });
    expect(error.message).toMatch(/does not apply to HEAD: src\/a\.ts, hunk src\/a\.ts#1 \(@@ -27,7 \+27,7 @@ line 26\)/);
  });

  it('names a file the patch expects but the base lacks', async () => {
    const fixture = repository({ 'a.txt': 'one\n' });
    fixture.write('change.diff', 'diff --git a/missing.txt b/missing.txt\n--- a/missing.txt\n+++ b/missing.txt\n@@ -1 +1 @@\n-x\n+y\n');
    const error = await rejection(collectChange(fixture.root, { patchFile: 'change.diff' }));
    expect(error.data).toMatchObject({ file: 'missing.txt' });
    expect(error.message).toContain('missing.txt');
  });

  it('reports a missing patch file, a malformed patch naming file and hunk, and an empty patch', async () => {
    const fixture = repository({ 'a.txt': 'one\n' });
    const missing = await rejection(collectChange(fixture.root, { patchFile: 'nope.diff' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('nope.diff');

    mkdirSync(join(fixture.root, 'patches'));
    writeFileSync(join(fixture.root, 'patches/cut.diff'), 'diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n-one\n');
    const malformed = await rejection(collectChange(fixture.root, { patchFile: 'patches/cut.diff' }));
    expect(malformed.code).toBe('PARSE_FAILED');
    expect(malformed.data).toMatchObject({ file: 'a.txt', hunk: 'a.txt#0' });

    writeFileSync(join(fixture.root, 'patches/empty.diff'), '');
    expect((await collectChange(fixture.root, { patchFile: 'patches/empty.diff' })).files).toEqual([]);
  });
});
