import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { CodewrightError } from '../../core/errors.ts';
import { collectChange } from '../change/collect-change.ts';
import { parseDiff } from '../change/parse-diff.ts';
import { createWorkspaces } from './create-workspaces.ts';
import { hashTree } from './testing/hash-tree.ts';

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

function repository(files: Record<string, string | Buffer>): Fixture {
  const fixture = createFixture(files, { git: true });
  fixtures.push(fixture);
  return fixture;
}

/** What git and the disk say is left of codewright's worktrees. */
function leftovers(fixture: Fixture): { worktrees: string[]; folders: string[]; gitRecords: string[] } {
  const worktrees = fixture.git('worktree', 'list', '--porcelain').split('\n').filter((line) => line.startsWith('worktree '));
  const directory = join(fixture.root, '.codewright', 'worktrees');
  const records = join(fixture.root, '.git', 'worktrees');
  return {
    worktrees,
    folders: existsSync(directory) ? readdirSync(directory) : [],
    gitRecords: existsSync(records) ? readdirSync(records) : [],
  };
}

describe('createWorkspaces', () => {
  it('makes a base and a change worktree holding the change, links dependencies, and removes everything on dispose', async () => {
    const fixture = repository({
      '.gitignore': 'node_modules/\n.venv/\n',
      'package.json': '{"workspaces":["packages/*"]}\n',
      'src/app.ts': 'export const app = 1;\n',
      'src/old.ts': 'export const old = 1;\n'.repeat(5),
      'src/gone.ts': 'export const gone = 1;\n',
      'run.sh': 'echo hi\n',
      'logo.bin': Buffer.from([0, 1, 2]),
      'packages/a/index.ts': 'export const a = 1;\n',
    });
    fixture.write('node_modules/lodash/index.js', 'module.exports = {};\n');
    fixture.write('node_modules/@scope/tool/index.js', 'module.exports = 2;\n');
    fixture.write('node_modules/.bin/tool', '#!/bin/sh\n');
    symlinkSync('../packages/a', join(fixture.root, 'node_modules/a'));
    fixture.write('packages/a/node_modules/left-pad/index.js', 'module.exports = 3;\n');
    fixture.write('.venv/bin/python', '#!/bin/sh\n');
    fixture.write('src/app.ts', 'export const app = 2;\n');
    fixture.write('src/new.ts', 'export const fresh = 1;\n');
    fixture.write('logo.bin', Buffer.from([0, 7, 7, 7]));
    fixture.git('mv', 'src/old.ts', 'src/renamed.ts');
    fixture.git('rm', '-q', 'src/gone.ts');
    chmodSync(join(fixture.root, 'run.sh'), 0o755);
    const before = hashTree(fixture.root);

    const change = await collectChange(fixture.root);
    const workspaces = await createWorkspaces(fixture.root, change);
    const { baseDir, changeDir } = workspaces;

    expect(baseDir).toBe(join(realpathSync(fixture.root), '.codewright', 'worktrees', `${workspaces.runId}-base`));
    expect(changeDir).toBe(join(realpathSync(fixture.root), '.codewright', 'worktrees', `${workspaces.runId}-change`));
    expect(workspaces.runId).toMatch(/^\d{8}T\d{6}-[0-9a-f]{6}$/);
    expect(readFileSync(join(baseDir, 'src/app.ts'), 'utf8')).toBe('export const app = 1;\n');
    expect(readFileSync(join(changeDir, 'src/app.ts'), 'utf8')).toBe('export const app = 2;\n');
    expect(readFileSync(join(changeDir, 'src/new.ts'), 'utf8')).toBe('export const fresh = 1;\n');
    expect(existsSync(join(changeDir, 'src/old.ts'))).toBe(false);
    expect(existsSync(join(changeDir, 'src/renamed.ts'))).toBe(true);
    expect(existsSync(join(changeDir, 'src/gone.ts'))).toBe(false);
    expect(existsSync(join(baseDir, 'src/gone.ts'))).toBe(true);
    expect(readFileSync(join(changeDir, 'logo.bin'))).toEqual(Buffer.from([0, 7, 7, 7]));
    expect(statSync(join(changeDir, 'run.sh')).mode & 0o111).not.toBe(0);

    expect(workspaces.linked.sort()).toEqual(['.venv', 'node_modules', 'packages/a/node_modules']);
    for (const dir of [baseDir, changeDir]) {
      expect(lstatSync(join(dir, 'node_modules')).isDirectory()).toBe(true);
      expect(readFileSync(join(dir, 'node_modules/lodash/index.js'), 'utf8')).toBe('module.exports = {};\n');
      expect(readFileSync(join(dir, 'node_modules/@scope/tool/index.js'), 'utf8')).toBe('module.exports = 2;\n');
      expect(existsSync(join(dir, 'node_modules/.bin/tool'))).toBe(true);
      // The workspace package resolves to the worktree's own copy, not the user's.
      expect(realpathSync(join(dir, 'node_modules/a'))).toBe(join(dir, 'packages/a'));
      expect(readFileSync(join(dir, 'packages/a/node_modules/left-pad/index.js'), 'utf8')).toBe('module.exports = 3;\n');
      expect(lstatSync(join(dir, '.venv')).isSymbolicLink()).toBe(true);
    }
    expect(hashTree(fixture.root)).toEqual(before);
    expect(leftovers(fixture).worktrees).toHaveLength(3);

    await workspaces.dispose();
    await workspaces.dispose();
    expect(leftovers(fixture)).toEqual({ worktrees: [`worktree ${realpathSync(fixture.root)}`], folders: [], gitRecords: [] });
    expect(hashTree(fixture.root)).toEqual(before);
  });

  it('names the file and hunk when the change does not apply, and leaves nothing behind', async () => {
    const fixture = repository({ 'a.txt': 'one\ntwo\nthree\n' });
    const parsed = parseDiff('diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n one\n-TWO\n+2\n three\n', {
      base: fixture.git('rev-parse', 'HEAD').trim(),
    });
    if (!parsed.success) throw new Error(parsed.error.message);
    const error: unknown = await createWorkspaces(fixture.root, parsed.value).catch((caught: unknown) => caught);
    expect(CodewrightError.isInstance(error) && error.data).toMatchObject({ file: 'a.txt', hunk: 'a.txt#0' });
    expect(leftovers(fixture)).toEqual({ worktrees: [`worktree ${realpathSync(fixture.root)}`], folders: [], gitRecords: [] });
  });

  it('gives an empty change two identical worktrees, without running the git hooks of the user', async () => {
    const fixture = repository({ 'a.txt': 'one\n' });
    const marker = join(fixture.root, 'hook-ran');
    writeFileSync(join(fixture.root, '.git/hooks/post-checkout'), `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    const workspaces = await createWorkspaces(fixture.root, await collectChange(fixture.root), { linkDependencies: false });
    expect(readFileSync(join(workspaces.changeDir, 'a.txt'), 'utf8')).toBe('one\n');
    expect(workspaces.linked).toEqual([]);
    expect(existsSync(marker)).toBe(false);
    await workspaces.dispose();
    expect(leftovers(fixture).folders).toEqual([]);
  });
});
