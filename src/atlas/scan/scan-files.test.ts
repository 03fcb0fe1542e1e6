import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { estimatedTrackedFiles } from './git-listing.ts';
import { scanFiles } from './scan-files.ts';
import { scanRepository } from './walk.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

const tree = {
  '.gitignore': 'build/\n*.log\n',
  '.codewrightignore': 'vendor/\n',
  'src/a.ts': 'export const a = 1;\n',
  'src/a-b/c.ts': 'export const c = 1;\n',
  'src/a.b.ts': 'export const ab = 1;\n',
  'src/b.py': 'x = 1\n',
  'src/notes.md': '# notes\n',
  'src/tsconfig.json': '{}\n',
  'package.json': '{"name":"fixture"}\n',
  'src/gen/.gitignore': '*.generated.ts\n!keep.generated.ts\n',
  'src/gen/.codewrightignore': 'skip-me.ts\n',
  'src/gen/skip-me.ts': '',
  'src/gen/x.generated.ts': '',
  'src/gen/keep.generated.ts': '',
  'build/out.js': '',
  'debug.log': '',
  'vendor/lib.c': '',
  'vendor/deep/lib.h': '',
  'fixtures/node_modules/pkg/index.js': '',
};

function withoutMethod(outcome: Awaited<ReturnType<typeof scanFiles>>) {
  const { method: _method, fallback: _fallback, ...scan } = outcome;
  return scan;
}

test('git lists the same files as the walk: ignore files, .codewrightignore, built-in folders, order', async () => {
  fixture = createFixture(tree, { git: true });
  // Untracked, a symlink, and a tracked file deleted from the work tree (not staged).
  fixture.write('src/untracked.ts', 'export const u = 1;\n');
  fixture.write('src/untracked.log', '');
  symlinkSync(join(fixture.root, 'src', 'a.ts'), join(fixture.root, 'alias.ts'));
  symlinkSync(join(fixture.root, 'src', 'notes.md'), join(fixture.root, 'notes-link.md'));
  rmSync(join(fixture.root, 'src', 'b.py'));
  const outcome = await scanFiles(fixture.root);
  expect(outcome.method).toBe('git');
  expect(outcome.fallback).toBeUndefined();
  expect(withoutMethod(outcome)).toEqual(scanRepository(fixture.root));
  expect(outcome.files.map((file) => file.path)).toEqual([
    'src/a-b/c.ts',
    'src/a.b.ts',
    'src/a.ts',
    'src/gen/keep.generated.ts',
    'src/untracked.ts',
  ]);
  expect(outcome.skipped.map((entry) => entry.path)).toEqual(['alias.ts', 'notes-link.md']);
  expect(outcome.manifests).toEqual(['package.json']);
  expect(outcome.configs).toEqual(['src/tsconfig.json']);
});

test('a tracked file that an ignore rule matches is indexed with git (the walk leaves it out)', async () => {
  fixture = createFixture({ 'src/a.ts': '', 'generated/api.ts': 'export const api = 1;\n' }, { git: true });
  writeFileSync(join(fixture.root, '.gitignore'), 'generated/\n');
  const outcome = await scanFiles(fixture.root);
  expect(outcome.method).toBe('git');
  expect(outcome.files.map((file) => file.path)).toEqual(['generated/api.ts', 'src/a.ts']);
  expect(scanRepository(fixture.root).files.map((file) => file.path)).toEqual(['src/a.ts']);
});

test('falls back to the walk outside git, below the top level, and around nested repositories', async () => {
  fixture = createFixture({ 'src/a.ts': '' });
  expect(await scanFiles(fixture.root)).toMatchObject({ method: 'walk', fallback: /top level/ });
  fixture.git('init', '-q');
  expect(await scanFiles(join(fixture.root, 'src'))).toMatchObject({ method: 'walk', fallback: /top level/ });
  mkdirSync(join(fixture.root, 'nested'));
  writeFileSync(join(fixture.root, 'nested', 'b.ts'), '');
  fixture.git('-C', join(fixture.root, 'nested'), 'init', '-q');
  const outcome = await scanFiles(fixture.root);
  expect(outcome).toMatchObject({ method: 'walk', fallback: /nested repository/ });
  expect(outcome.files.map((file) => file.path)).toEqual(['nested/b.ts', 'src/a.ts']);
  expect((await scanFiles(fixture.root, { git: false })).method).toBe('walk');
});

test('a linked work tree (its .git is a file) is listed by git too', async () => {
  fixture = createFixture({ 'src/a.ts': 'export const a = 1;\n' }, { git: true });
  const linked = `${fixture.root}-linked`;
  fixture.git('worktree', 'add', '-q', linked);
  try {
    expect(estimatedTrackedFiles(linked)).toBe(0);
    const outcome = await scanFiles(linked);
    expect(outcome.method).toBe('git');
    expect(outcome.files.map((file) => file.path)).toEqual(['src/a.ts']);
  } finally {
    rmSync(linked, { recursive: true, force: true });
  }
});

test('an untracked .codewrightignore excludes tracked and untracked files alike, as in the walk', async () => {
  fixture = createFixture({ 'src/a.ts': 'export const a = 1;\n', 'vendor/lib.ts': 'export const v = 1;\n', 'vendor/notes.md': '' }, { git: true });
  fixture.write('vendor/new.ts', 'export const n = 1;\n');
  fixture.write('src/new.ts', 'export const s = 1;\n');
  const before = await scanFiles(fixture.root);
  expect(before.files.map((file) => file.path)).toEqual(['src/a.ts', 'src/new.ts', 'vendor/lib.ts', 'vendor/new.ts']);
  expect(before.other).toEqual({ md: 1 });
  fixture.write('.codewrightignore', 'vendor/\n');
  const outcome = await scanFiles(fixture.root);
  expect(outcome.method).toBe('git');
  expect(outcome.files.map((file) => file.path)).toEqual(['src/a.ts', 'src/new.ts']);
  expect(outcome.other).toEqual({ '.codewrightignore': 1 });
  expect(withoutMethod(outcome)).toEqual(scanRepository(fixture.root));
});
