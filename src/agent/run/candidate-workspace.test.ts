import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { indexRepository } from '../../atlas/index/run-index.ts';
import { databasePath } from '../../atlas/store/database.ts';
import { cleanupStaleWorkspaces } from '../../evidence/workspace/cleanup-stale.ts';
import { hashTree } from '../../evidence/workspace/testing/hash-tree.ts';
import { candidateDiff } from './candidate-diff.ts';
import { createCandidateWorkspace, removeCandidateWorkspace } from './candidate-workspace.ts';
import { createRun } from './create-run.ts';
import { diffFiles } from './diff-files.ts';
import { finishRun } from './finish-run.ts';
import { prepareWorkspaceIndex } from './workspace-index.ts';

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

const task = { family: 'implement' as const, text: 'add a feature' };

function repository(): Fixture {
  const fixture = createFixture(
    {
      '.gitignore': 'node_modules/\n',
      'src/a.ts': 'export function original() { return 1; }\n',
      'src/b.ts': 'export function helper() { return 2; }\n',
      'gone.txt': 'to be deleted\n',
      'run.sh': 'echo hi\n',
      'logo.bin': Buffer.from([0, 1, 2, 3]),
    },
    { git: true },
  );
  fixtures.push(fixture);
  fixture.write('node_modules/dep/index.js', 'module.exports = 1;\n');
  return fixture;
}

function userState(fixture: Fixture): Map<string, string> {
  return new Map([...hashTree(fixture.root)].filter(([path]) => !path.startsWith('.git/refs/codewright')));
}

// The files of a worktree that belong to the repository: not git's, codewright's or the linked dependencies.
function worktreeFiles(root: string): Map<string, string> {
  return new Map([...hashTree(root)].filter(([path]) => !/^(\.git|\.codewright|node_modules)(\/|$)/.test(path)));
}

function symbolNames(root: string): string[] {
  const db = new DatabaseSync(databasePath(root), { readOnly: true });
  try {
    return (db.prepare('SELECT name FROM symbols ORDER BY name').all() as { name: string }[]).map((row) => row.name);
  } finally {
    db.close();
  }
}

function worktreeList(fixture: Fixture): string[] {
  return fixture.git('worktree', 'list', '--porcelain').split('\n').filter((line) => line.startsWith('worktree '));
}

describe('candidate workspaces', () => {
  it('check out the base with dependencies and a refreshed index, give an exact diff, and leave the user tree alone', async () => {
    const fixture = repository();
    await indexRepository(fixture.root, { threads: 1 });
    fixture.write('src/a.ts', 'export function renamed() { return 1; }\n');
    fixture.write('src/fresh.ts', 'export function fresh() { return 3; }\n');
    const run = await createRun(fixture.root, { task, model: 'm:x' });
    const before = userState(fixture);

    const workspace = await createCandidateWorkspace(run, 'A', { threads: 1 });

    const root = realpathSync(fixture.root);
    expect(workspace).toEqual({ id: 'A', root: join(root, '.codewright', 'worktrees', `${run.id}-A-change`), repositoryRoot: root, base: run.base });
    expect(existsSync(join(root, '.codewright', 'worktrees', `${run.id}-A.pid`))).toBe(true);
    expect(readFileSync(join(workspace.root, 'src/a.ts'), 'utf8')).toBe('export function renamed() { return 1; }\n');
    expect(readFileSync(join(workspace.root, 'node_modules/dep/index.js'), 'utf8')).toBe('module.exports = 1;\n');
    expect(symbolNames(workspace.root)).toEqual(['fresh', 'helper', 'renamed']);
    const db = new DatabaseSync(databasePath(workspace.root), { readOnly: true });
    expect((db.prepare('SELECT count(*) AS n FROM commits').get() as { n: number }).n).toBe(1);
    db.close();
    const again = await prepareWorkspaceIndex(run.root, workspace.root, { threads: 1 });
    expect(again).toMatchObject({ parsed: 2, added: 1 });

    writeFileSync(join(workspace.root, 'src/b.ts'), 'export function helper() { return 20; }\n');
    writeFileSync(join(workspace.root, 'src/new-file.ts'), 'export const added = true;\n');
    rmSync(join(workspace.root, 'gone.txt'));
    writeFileSync(join(workspace.root, 'logo.bin'), Buffer.from([0, 9, 9, 9, 255]));
    chmodSync(join(workspace.root, 'run.sh'), 0o755);
    writeFileSync(join(workspace.root, 'latin.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(join(workspace.root, '.codewright', 'scratch.txt'), 'not part of the change\n');

    const diff = await candidateDiff(workspace);
    expect(diffFiles(diff, 'diff')).toEqual({
      paths: ['gone.txt', 'latin.txt', 'logo.bin', 'run.sh', 'src/b.ts', 'src/new-file.ts'],
      created: ['latin.txt', 'src/new-file.ts'],
      deleted: ['gone.txt'],
    });
    const replayed = await createCandidateWorkspace(run, 'B', { applyDiff: diff, index: false });
    expect(worktreeFiles(replayed.root)).toEqual(worktreeFiles(workspace.root));
    expect(await candidateDiff(replayed)).toBe(diff);

    await removeCandidateWorkspace(workspace);
    await removeCandidateWorkspace(replayed);
    expect(existsSync(workspace.root) || existsSync(replayed.root)).toBe(false);
    expect(existsSync(join(root, '.codewright', 'worktrees', `${run.id}-A.pid`))).toBe(false);
    expect(worktreeList(fixture)).toEqual([`worktree ${root}`]);
    expect(userState(fixture)).toEqual(before);
    expect(readFileSync(join(fixture.root, 'node_modules/dep/index.js'), 'utf8')).toBe('module.exports = 1;\n');
    finishRun(run, { status: 'done' });
  });

  it('works without a user index, and stale cleanup removes the worktree of a run whose process died', async () => {
    const fixture = repository();
    const run = await createRun(fixture.root, { task, model: 'm:x' });
    const workspace = await createCandidateWorkspace(run, 'C');
    expect(existsSync(databasePath(workspace.root))).toBe(false);
    expect(await candidateDiff(workspace)).toBe('');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const owner = join(run.root, '.codewright', 'worktrees', `${run.id}-C.pid`);
    writeFileSync(owner, JSON.stringify({ pid: dead, hostname: hostname(), createdAt: '' }));

    expect(await cleanupStaleWorkspaces(fixture.root)).toEqual([`${run.id}-C`]);

    expect(existsSync(workspace.root) || existsSync(owner)).toBe(false);
    expect(worktreeList(fixture)).toEqual([`worktree ${realpathSync(fixture.root)}`]);
    finishRun(run, { status: 'done' });
  });

  it('makes the worktrees of several candidates in parallel, each with its own index, and removes them all', async () => {
    const fixture = repository();
    await indexRepository(fixture.root, { threads: 1, history: false });
    const run = await createRun(fixture.root, { task, model: 'm:x' });
    const workspaces = await Promise.all(['A', 'B', 'C'].map((name) => createCandidateWorkspace(run, name, { threads: 1 })));
    expect(new Set(workspaces.map((workspace) => workspace.root)).size).toBe(3);
    for (const workspace of workspaces) expect(symbolNames(workspace.root)).toEqual(['helper', 'original']);
    writeFileSync(join(workspaces[1]!.root, 'src/b.ts'), 'changed\n');
    expect(await candidateDiff(workspaces[0]!)).toBe('');
    expect(diffFiles(await candidateDiff(workspaces[1]!), 'B').paths).toEqual(['src/b.ts']);
    await Promise.all(workspaces.map((workspace) => removeCandidateWorkspace(workspace)));
    expect(worktreeList(fixture)).toEqual([`worktree ${realpathSync(fixture.root)}`]);
    finishRun(run, { status: 'done' });
  });

  it('refuses a candidate name that is not a plain name', async () => {
    const fixture = repository();
    const run = await createRun(fixture.root, { task, model: 'm:x' });
    await expect(createCandidateWorkspace(run, '../x')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    finishRun(run, { status: 'done' });
  });
});
