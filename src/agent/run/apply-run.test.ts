import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { hashTree } from '../../evidence/workspace/testing/hash-tree.ts';
import { applyRun } from './apply-run.ts';
import { candidateDiff } from './candidate-diff.ts';
import { createCandidateWorkspace, removeCandidateWorkspace } from './candidate-workspace.ts';
import { createRun } from './create-run.ts';
import { finishRun } from './finish-run.ts';
import { loadRun } from './load-run.ts';
import { undo } from './undo-apply.ts';
import { listUndoPoints } from './undo-point.ts';

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

/** The user's files with modes, `.git/index`, HEAD and branches (codewright's own refs left out). */
function userState(fixture: Fixture): Map<string, string> {
  return new Map([...hashTree(fixture.root)].filter(([path]) => !path.startsWith('.git/refs/codewright')));
}

function files(root: string): Map<string, string> {
  return new Map([...hashTree(root)].filter(([path]) => !/^(\.git|\.codewright|node_modules)(\/|$)/.test(path)));
}

interface Scenario {
  fixture: Fixture;
  runId: string;
  /** The files of the candidate's worktree: what the user's tree must hold after apply. */
  expected: Map<string, string>;
}

/**
 * A repository with an uncommitted edit, and a finished run whose candidate A edits a file on top
 * of it, creates a file in a new folder, deletes a file, changes binary and Latin-1 bytes, a mode
 * and a symlink.
 */
async function scenario(options: { select?: boolean } = {}): Promise<Scenario> {
  const fixture = createFixture(
    {
      '.gitignore': 'node_modules/\n',
      'src/a.ts': 'export const a = 1;\n',
      'gone.txt': 'deleted by the candidate\n',
      'keep.txt': 'untouched\n',
      'run.sh': 'echo hi\n',
      'logo.bin': Buffer.from([0, 1, 2, 3]),
      'latin.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    },
    { git: true },
  );
  fixtures.push(fixture);
  symlinkSync('keep.txt', join(fixture.root, 'link'));
  fixture.commit('a link');
  fixture.write('src/a.ts', 'export const a = 2; // the user was here\n');
  const run = await createRun(fixture.root, { task: { family: 'solve', text: 'fix it' }, model: 'm:x' });
  const workspace = await createCandidateWorkspace(run, 'A', { index: false });
  const at = (path: string) => join(workspace.root, path);
  writeFileSync(at('src/a.ts'), 'export const a = 2; // the user was here\nexport const b = 3;\n');
  mkdirSync(at('src/dir'));
  writeFileSync(at('src/dir/new.ts'), 'export const created = true;\n');
  rmSync(at('gone.txt'));
  writeFileSync(at('logo.bin'), Buffer.from([0, 9, 9, 255]));
  writeFileSync(at('latin.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe8, 0x0a]));
  chmodSync(at('run.sh'), 0o755);
  rmSync(at('link'));
  symlinkSync('run.sh', at('link'));
  run.saveDiff('A', await candidateDiff(workspace));
  const expected = files(workspace.root);
  await removeCandidateWorkspace(workspace);
  finishRun(run, { status: 'done', ...(options.select === false ? {} : { selected: 'A', selection: 'A is the only one' }), candidates: [{ id: 'A', status: 'done' }] });
  return { fixture, runId: run.id, expected };
}

describe('applyRun and undo', () => {
  it('apply writes exactly the candidate tree without touching the git index, and undo restores every byte and mode', async () => {
    const { fixture, runId, expected } = await scenario();
    const before = userState(fixture);

    const result = await applyRun(fixture.root);

    expect(result).toMatchObject({ runId, candidate: 'A', created: ['src/dir/new.ts'], deleted: ['gone.txt'] });
    expect(result.files).toEqual(['gone.txt', 'latin.txt', 'link', 'logo.bin', 'run.sh', 'src/a.ts', 'src/dir/new.ts']);
    expect(files(fixture.root)).toEqual(expected);
    expect(userState(fixture).get('.git/index')).toBe(before.get('.git/index'));
    const applied = await loadRun(fixture.root, runId);
    expect(applied.record.applications).toMatchObject([{ candidate: 'A', undoPoint: result.undoPoint, files: result.files }]);

    const undone = await undo(join(fixture.root, 'src'));

    expect(undone).toMatchObject({ undoPoint: result.undoPoint, runId, candidate: 'A', removed: ['src/dir/new.ts'], overwritten: [] });
    expect(userState(fixture)).toEqual(before);
    expect(existsSync(join(fixture.root, 'src/dir'))).toBe(false);
    expect((await loadRun(fixture.root, runId)).record.applications[0]?.undoneAt).toBeDefined();
    expect(listUndoPoints(fixture.root)[0]?.used).toMatchObject({ forced: false });
    await expect(undo(fixture.root)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses when an affected file changed since the run started, and writes nothing', async () => {
    const { fixture } = await scenario();
    fixture.write('src/a.ts', 'export const a = 4; // edited after the run started\n');
    fixture.write('src/dir/new.ts', 'mine\n');
    const before = userState(fixture);

    const failure = applyRun(fixture.root, 'last');

    await expect(failure).rejects.toMatchObject({
      code: 'APPLY_CONFLICT',
      data: { files: [{ path: 'src/a.ts', change: 'modified' }, { path: 'src/dir/new.ts', change: 'created' }] },
    });
    await expect(failure).rejects.toThrow(/Nothing was applied.*src\/a\.ts \(modified\), src\/dir\/new\.ts \(created\)/);
    expect(userState(fixture)).toEqual(before);
    expect(listUndoPoints(fixture.root)).toEqual([]);
  });

  it('undo refuses files edited since the apply and restores them with force', async () => {
    const { fixture } = await scenario();
    const before = userState(fixture);
    await applyRun(fixture.root);
    fixture.write('src/a.ts', 'edited after the apply\n');
    const edited = userState(fixture);

    await expect(undo(fixture.root)).rejects.toMatchObject({ code: 'UNDO_CONFLICT', data: { files: ['src/a.ts'] } });
    expect(userState(fixture)).toEqual(edited);

    const forced = await undo(fixture.root, { force: true });
    expect(forced.overwritten).toEqual(['src/a.ts']);
    expect(userState(fixture)).toEqual(before);
  });

  it('needs a candidate when the run selected none, and refuses to apply a run twice', async () => {
    const { fixture, runId } = await scenario({ select: false });
    await expect(applyRun(fixture.root, runId)).rejects.toThrow(/selected no candidate; choose one with `--candidate A`/);
    await expect(applyRun(fixture.root, runId, { candidate: 'Z' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await applyRun(fixture.root, runId, { candidate: 'A' });
    expect(readFileSync(join(fixture.root, 'src/dir/new.ts'), 'utf8')).toBe('export const created = true;\n');
    await expect(applyRun(fixture.root, runId, { candidate: 'A' })).rejects.toThrow(/already applied.*codewright undo/);
  });
});
