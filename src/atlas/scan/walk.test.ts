import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { scanRepository } from './walk.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

test('respects nested .gitignore, .codewrightignore and built-in folders, and detects languages', () => {
  fixture = createFixture({
    '.gitignore': 'build/\n*.log\n',
    '.codewrightignore': 'vendor/\n',
    'src/a.ts': 'export const a = 1;\n',
    'src/b.py': 'x = 1\n',
    'src/notes.md': '# notes\n',
    'src/gen/.gitignore': '*.generated.ts\n!keep.generated.ts\n',
    'src/gen/x.generated.ts': '',
    'src/gen/keep.generated.ts': '',
    'build/out.js': '',
    'debug.log': '',
    'vendor/lib.c': '',
    'node_modules/pkg/index.js': '',
  });
  const { files, other } = scanRepository(fixture.root);
  expect(files.map((file) => [file.path, file.language])).toEqual([
    ['src/a.ts', 'typescript'],
    ['src/b.py', 'python'],
    ['src/gen/keep.generated.ts', 'typescript'],
  ]);
  expect(files[0]?.size).toBe(20);
  expect(other).toEqual({ '.codewrightignore': 1, '.gitignore': 2, md: 1 });
});

test('symlinks are never followed: loops, links outside the root and inside it are reported', () => {
  fixture = createFixture({ 'src/a.ts': 'export const a = 1;\n' });
  const outside = createFixture({ 'secret.ts': 'export const s = 1;\n' });
  try {
    symlinkSync(fixture.root, join(fixture.root, 'src', 'loop'));
    symlinkSync(outside.root, join(fixture.root, 'outside'));
    symlinkSync(join(fixture.root, 'src', 'a.ts'), join(fixture.root, 'alias.ts'));
    symlinkSync(join(fixture.root, 'missing.ts'), join(fixture.root, 'broken.ts'));
    mkdirSync(join(fixture.root, 'empty'));
    const { files, skipped } = scanRepository(fixture.root);
    expect(files.map((file) => file.path)).toEqual(['src/a.ts']);
    const reasons = Object.fromEntries(skipped.map((entry) => [entry.path, entry.reason]));
    expect(reasons['src/loop']).toMatch(/symlink loop/);
    expect(reasons.outside).toMatch(/outside the repository/);
    expect(reasons['alias.ts']).toMatch(/symlink to src\/a.ts/);
    expect(reasons['broken.ts']).toBe('broken symlink');
  } finally {
    outside.remove();
  }
});
