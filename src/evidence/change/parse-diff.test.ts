import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import type { Change, FileChange } from '../../core/change.ts';
import { parseDiff } from './parse-diff.ts';

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

function repository(files: Record<string, string | Buffer>) {
  const fixture = createFixture(files, { git: true });
  fixtures.push(fixture);
  return fixture;
}

function parsed(text: string): Change {
  const result = parseDiff(text, { base: 'HEAD' });
  if (!result.success) throw new Error(result.error.message);
  return result.value;
}

function file(change: Change, path: string): FileChange {
  const found = change.files.find((candidate) => candidate.newPath === path || candidate.oldPath === path);
  if (!found) throw new Error(`no ${path} in ${JSON.stringify(change.files.map((entry) => entry.newPath))}`);
  return found;
}

/** Rebuilds the new text from the old text and the hunks: proves the line numbers are right. */
function applyHunks(oldText: string, change: FileChange): string {
  const oldLines = oldText === '' ? [] : oldText.replace(/\n$/, '').split('\n');
  const result: string[] = [];
  let next = 1;
  for (const hunk of change.hunks) {
    const first = hunk.lines.find((line) => line.oldLine !== undefined)?.oldLine ?? hunk.oldStart + 1;
    while (next < first) result.push(oldLines[next++ - 1] ?? '');
    for (const line of hunk.lines) {
      if (line.type !== '+') {
        expect(oldLines[(line.oldLine ?? 0) - 1]).toBe(line.text);
        next = (line.oldLine ?? 0) + 1;
      }
      if (line.type !== '-') {
        expect(line.newLine).toBe(result.length + 1);
        result.push(line.text);
      }
    }
  }
  while (next <= oldLines.length) result.push(oldLines[next++ - 1] ?? '');
  return result.join('\n');
}

describe('parseDiff on real git output', () => {
  it('numbers the lines of modified files so that the hunks rebuild the new text', () => {
    const before = Array.from({ length: 40 }, (_, index) => `line ${index + 1}`).join('\n') + '\n';
    const fixture = repository({ 'src/a.ts': before, 'src/b.ts': 'one\ntwo\n' });
    const after = before.replace('line 3\n', 'line three\nline 3b\n').replace('line 30\n', '').replace('line 39', 'line 39!');
    fixture.write('src/a.ts', after);
    fixture.write('src/b.ts', 'one\ntwo\nthree\n');
    const change = parsed(fixture.git('diff'));
    expect(change.base).toBe('HEAD');
    expect(change.files.map((entry) => [entry.kind, entry.newPath])).toEqual([['modified', 'src/a.ts'], ['modified', 'src/b.ts']]);
    const a = file(change, 'src/a.ts');
    expect(a.hunks.map((hunk) => hunk.id)).toEqual(['src/a.ts#0', 'src/a.ts#1', 'src/a.ts#2']);
    expect(applyHunks(before, a)).toBe(after.replace(/\n$/, ''));
    const removed = a.hunks[1]?.lines.find((line) => line.type === '-');
    expect(removed).toEqual({ type: '-', text: 'line 30', oldLine: 30 });
    expect(a.hunks[0]?.lines.find((line) => line.type === '+')).toEqual({ type: '+', text: 'line three', newLine: 3 });
  });

  it('reads renames with and without edits, copies, deletions, new empty files and mode changes', () => {
    const body = Array.from({ length: 20 }, (_, index) => `export const v${index} = ${index};`).join('\n') + '\n';
    const fixture = repository({ 'old.ts': body, 'moved.ts': body.replace('v0', 'w0'), 'gone.txt': 'bye\n', 'run.sh': 'echo hi\n' });
    fixture.git('mv', 'old.ts', 'new.ts');
    mkdirSync(join(fixture.root, 'lib'));
    fixture.git('mv', 'moved.ts', 'lib/moved.ts');
    fixture.write('lib/moved.ts', body.replace('v0', 'w0').replace('v5 = 5', 'v5 = 55'));
    fixture.git('rm', '-q', 'gone.txt');
    fixture.write('empty.txt', '');
    chmodSync(join(fixture.root, 'run.sh'), 0o755);
    fixture.git('add', '-A');
    const change = parsed(fixture.git('diff', '--cached', '-M'));
    expect(file(change, 'new.ts')).toMatchObject({ kind: 'renamed', oldPath: 'old.ts', newPath: 'new.ts', hunks: [] });
    const moved = file(change, 'lib/moved.ts');
    expect(moved).toMatchObject({ kind: 'renamed', oldPath: 'moved.ts', newPath: 'lib/moved.ts' });
    expect(moved.hunks[0]?.id).toBe('lib/moved.ts#0');
    expect(file(change, 'gone.txt')).toMatchObject({ kind: 'deleted', oldPath: 'gone.txt', newPath: null });
    expect(file(change, 'gone.txt').hunks[0]).toMatchObject({ id: 'gone.txt#0', oldStart: 1, oldLines: 1, newStart: 0, newLines: 0 });
    expect(file(change, 'empty.txt')).toMatchObject({ kind: 'added', oldPath: null, newPath: 'empty.txt', hunks: [] });
    expect(file(change, 'run.sh')).toMatchObject({ kind: 'modified', oldPath: 'run.sh', newPath: 'run.sh', hunks: [] });

    fixture.commit('moves');
    fixture.write('copy.ts', body.replace('v1 =', 'x1 ='));
    fixture.git('add', '-A');
    const copies = parsed(fixture.git('diff', '--cached', '-C', '--find-copies-harder'));
    expect(file(copies, 'copy.ts')).toMatchObject({ kind: 'copied', oldPath: 'new.ts', newPath: 'copy.ts' });
  });

  it('reads binary files, with and without --binary data', () => {
    const fixture = repository({ 'logo.png': Buffer.from([0, 1, 2, 3, 255, 0, 9]), 'keep.txt': 'x\n' });
    fixture.write('logo.png', Buffer.from([0, 1, 2, 3, 254, 0, 9, 9, 9]));
    fixture.write('new.bin', Buffer.from(Array.from({ length: 300 }, (_, index) => index % 256)));
    fixture.write('keep.txt', 'y\n');
    fixture.git('add', '-A');
    for (const args of [['diff', '--cached'], ['diff', '--cached', '--binary']]) {
      const change = parsed(fixture.git(...args));
      expect(file(change, 'logo.png')).toMatchObject({ kind: 'modified', binary: true, hunks: [] });
      expect(file(change, 'new.bin')).toMatchObject({ kind: 'added', binary: true, hunks: [] });
      expect(file(change, 'keep.txt')).toMatchObject({ binary: false });
      expect(file(change, 'keep.txt').hunks).toHaveLength(1);
    }
  });

  it('reads "\\ No newline at end of file" on either side', () => {
    const fixture = repository({ 'a.txt': 'one\ntwo', 'b.txt': 'one\ntwo\n' });
    fixture.write('a.txt', 'one\ntwo\n');
    fixture.write('b.txt', 'one\nTWO');
    const text = fixture.git('diff');
    expect(text).toContain('\\ No newline at end of file');
    const change = parsed(text);
    expect(file(change, 'a.txt').hunks[0]?.lines).toEqual([
      { type: ' ', text: 'one', oldLine: 1, newLine: 1 },
      { type: '-', text: 'two', oldLine: 2 },
      { type: '+', text: 'two', newLine: 2 },
    ]);
    expect(file(change, 'b.txt').hunks[0]?.lines.map((line) => line.type)).toEqual([' ', '-', '+']);
  });

  it('decodes quoted paths with spaces, tabs, quotes and UTF-8', () => {
    const names = ['sp ace\tx.txt', 'quote"d.txt', 'caf\u00e9 menu.txt', 'dir with space/plain name.txt'];
    const fixture = repository(Object.fromEntries(names.map((name) => [name, 'a\n'])));
    for (const name of names.slice(1)) fixture.write(name, 'b\n');
    fixture.git('mv', 'sp ace\tx.txt', 'renamed\tto.txt');
    fixture.git('add', '-A');
    const text = fixture.git('diff', '--cached', '-M');
    expect(text).toContain('"a/sp ace\\tx.txt"');
    const change = parsed(text);
    expect(file(change, 'renamed\tto.txt')).toMatchObject({ kind: 'renamed', oldPath: 'sp ace\tx.txt' });
    for (const name of names.slice(1)) expect(file(change, name).hunks[0]?.id).toBe(`${name}#0`);
  });

  it('reads hunks whose counts are omitted, plain diff -u headers, and format-patch mail', () => {
    const change = parsed(['--- a/x.txt\t2024-01-01', '+++ b/x.txt\t2024-01-02', '@@ -1 +1 @@', '-old', '+new', ''].join('\n'));
    expect(change.files[0]).toMatchObject({ kind: 'modified', oldPath: 'x.txt', newPath: 'x.txt' });
    expect(change.files[0]?.hunks[0]).toMatchObject({ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1 });

    const fixture = repository({ 'a.txt': 'a\n' });
    fixture.write('a.txt', 'a\nb\n');
    fixture.commit('add b\n\n indented body line\n+ not a hunk');
    const mail = parsed(fixture.git('format-patch', '-1', '--stdout'));
    expect(mail.files.map((entry) => entry.newPath)).toEqual(['a.txt']);
  });

  it('reads blank context lines whose leading space was stripped (diff.suppressBlankEmpty)', () => {
    const fixture = repository({ 'a.txt': 'one\n\ntwo\n' });
    fixture.write('a.txt', 'one\n\n2\n');
    const text = fixture.git('-c', 'diff.suppressBlankEmpty=true', 'diff');
    expect(text).toContain('\n\n-two');
    expect(file(parsed(text), 'a.txt').hunks[0]?.lines[1]).toEqual({ type: ' ', text: '', oldLine: 2, newLine: 2 });
  });

  it('rebuilds any edit of any text from the hunks git makes of it', () => {
    const fixture = createFixture({});
    fixtures.push(fixture);
    const text = fc.array(fc.constantFrom('a', 'b', 'c', '', '  x', '\\ y'), { maxLength: 30 });
    fc.assert(
      fc.property(text, text, fc.boolean(), (before, after, newline) => {
        const oldText = before.join('\n') + (newline && before.length > 0 ? '\n' : '');
        const newText = after.join('\n') + (after.length > 0 ? '\n' : '');
        writeFileSync(join(fixture.root, 'old.txt'), oldText);
        writeFileSync(join(fixture.root, 'new.txt'), newText);
        const diff = spawnSync('git', ['diff', '--no-index', '-U1', 'old.txt', 'new.txt'], { cwd: fixture.root, encoding: 'utf8' });
        const change = parsed(diff.stdout);
        if (oldText === newText) return change.files.length === 0;
        const only = change.files[0];
        return only !== undefined && applyHunks(oldText, only) === newText.replace(/\n$/, '');
      }),
      { numRuns: 60 },
    );
  });

  it('gives an empty change for empty text', () => {
    expect(parseDiff('', { base: 'abc' })).toEqual({ success: true, value: { files: [], base: 'abc', patch: '' } });
  });
});

describe('parseDiff on damaged patches', () => {
  const good = [
    'diff --git a/src/a.ts b/src/a.ts',
    'index 1111111..2222222 100644',
    '--- a/src/a.ts',
    '+++ b/src/a.ts',
    '@@ -1,3 +1,3 @@ function one()',
    ' a',
    '-b',
    '+B',
    ' c',
    '@@ -10,3 +10,4 @@ class Two',
    ' x',
    '+y',
    ' z',
    ' w',
    '',
  ];

  it('names the file and hunk of a truncated patch', () => {
    const result = parseDiff(good.slice(0, 12).join('\n'));
    expect(result).toMatchObject({ success: false, error: { file: 'src/a.ts', hunk: 'src/a.ts#1' } });
    if (!result.success) expect(result.error.message).toMatch(/src\/a\.ts.*src\/a\.ts#1.*incomplete/);
  });

  it('names the file and hunk when a hunk has fewer or more lines than its header says', () => {
    const fewer = [...good.slice(0, 7), ...good.slice(8)].join('\n');
    expect(parseDiff(fewer)).toMatchObject({ success: false, error: { file: 'src/a.ts', hunk: 'src/a.ts#0' } });
    const more = [...good.slice(0, 14), '+extra', ''].join('\n');
    expect(parseDiff(more)).toMatchObject({ success: false, error: { file: 'src/a.ts', hunk: 'src/a.ts#1' } });
  });

  it('rejects a malformed hunk header, a hunk without a file header, garbage and merge diffs', () => {
    const badHeader = [...good.slice(0, 4), '@@ -1,x +1 @@', ' a', ''].join('\n');
    expect(parseDiff(badHeader)).toMatchObject({ success: false, error: { file: 'src/a.ts', hunk: 'src/a.ts#0' } });
    expect(parseDiff(good.slice(4).join('\n'))).toMatchObject({ success: false, error: { line: 1 } });
    expect(parseDiff('hello\nworld\n')).toMatchObject({ success: false });
    expect(parseDiff('diff --cc a.txt\n@@@ -1,1 -1,1 +1,1 @@@\n')).toMatchObject({ success: false });
  });

  it('rejects damaged binary data', () => {
    const fixture = repository({ 'img.bin': Buffer.from([0, 1, 2]) });
    fixture.write('img.bin', Buffer.from(Array.from({ length: 200 }, (_, index) => (index * 7) % 256)));
    const text = fixture.git('diff', '--binary');
    expect(parseDiff(text).success).toBe(true);
    const lines = text.split('\n');
    const data = lines.findIndex((line) => line.startsWith('literal ')) + 1;
    const damaged = [...lines.slice(0, data), `${lines[data]}xx`, ...lines.slice(data + 1)].join('\n');
    expect(parseDiff(damaged)).toMatchObject({ success: false, error: { file: 'img.bin', line: data + 1 } });
    expect(parseDiff(lines.slice(0, data + 1).join('\n'))).toMatchObject({ success: false, error: { file: 'img.bin' } });
  });
});
