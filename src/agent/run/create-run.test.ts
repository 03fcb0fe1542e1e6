import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { hashTree } from '../../evidence/workspace/testing/hash-tree.ts';
import { createRun } from './create-run.ts';
import { finishRun } from './finish-run.ts';
import { listRuns, loadRun } from './load-run.ts';
import type { Redactor, RunRecord } from './run-record.ts';
import { readTrajectory } from './trajectory-file.ts';

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

function repository(): Fixture {
  const fixture = createFixture({ '.gitignore': 'dist/\n', 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 1;\n' }, { git: true });
  fixtures.push(fixture);
  return fixture;
}

/** The user's files, index, HEAD and branches; codewright's own refs left out. */
function userState(fixture: Fixture): Map<string, string> {
  return new Map([...hashTree(fixture.root)].filter(([path]) => !path.startsWith('.git/refs/codewright')));
}

const task = { family: 'solve' as const, text: 'fix the bug with key sk-abcdefghijklmnop' };
const maskKeys: Redactor = (text) => {
  let count = 0;
  return { text: text.replace(/sk-[a-z]{16}/g, () => (count++, '[redacted]')), count };
};

describe('createRun', () => {
  it('captures the user tree with uncommitted and untracked files as the base, and writes nothing the user owns', async () => {
    const fixture = repository();
    fixture.write('src/a.ts', 'export const a = 2; // uncommitted\n');
    fixture.write('src/new.ts', 'export const fresh = 1;\n');
    fixture.write('dist/out.js', 'ignored\n');
    fixture.git('rm', '-q', '--cached', 'src/b.ts');
    const before = userState(fixture);
    const head = fixture.git('rev-parse', 'HEAD').trim();

    const run = await createRun(fixture.root, { task, model: 'openai:gpt-test', limits: { candidates: 2 } });

    expect(run.id).toMatch(/^\d{8}T\d{9}-[0-9a-f]{6}$/);
    expect(userState(fixture)).toEqual(before);
    expect(fixture.git('rev-parse', `refs/codewright/runs/${run.id}`).trim()).toBe(run.base);
    expect(fixture.git('rev-parse', `${run.base}^`).trim()).toBe(head);
    expect(fixture.git('show', `${run.base}:src/a.ts`)).toBe('export const a = 2; // uncommitted\n');
    expect(fixture.git('show', `${run.base}:src/new.ts`)).toBe('export const fresh = 1;\n');
    expect(fixture.git('show', `${run.base}:src/b.ts`)).toBe('export const b = 1;\n');
    expect(fixture.git('ls-tree', '-r', '--name-only', run.base).split('\n').filter(Boolean).sort()).toEqual(['.gitignore', 'src/a.ts', 'src/b.ts', 'src/new.ts']);
    expect(fixture.git('status', '--porcelain', '--untracked-files=all')).not.toContain('.codewright');

    const record = JSON.parse(readFileSync(join(run.directory, 'run.json'), 'utf8')) as RunRecord;
    expect(record).toMatchObject({ id: run.id, model: 'openai:gpt-test', base: run.base, head, status: 'running', limits: { candidates: 2 }, candidates: [], applications: [] });
    expect(record.owner.pid).toBe(process.pid);
  });

  it('takes HEAD as the parent and works in a repository whose index is missing or has no commits', async () => {
    const fixture = createFixture({ 'a.txt': 'one\n' });
    fixtures.push(fixture);
    fixture.git('init', '-q');
    const run = await createRun(fixture.root, { task, model: 'm:x' });
    expect(run.record.head).toBeNull();
    expect(fixture.git('show', `${run.base}:a.txt`)).toBe('one\n');
  });

  it('stamps and redacts every trajectory event, appends, and finishRun records the end', async () => {
    const fixture = repository();
    const run = await createRun(fixture.root, { task, model: 'm:x', redact: maskKeys });
    run.trajectory.record({ type: 'message', candidate: 'A', role: 'user', text: 'my key is sk-abcdefghijklmnop', nested: { list: ['sk-qrstuvwxyzabcdef'] } });
    run.trajectory.record({ type: 'tool-result', candidate: 'A', tool: 'read', error: new Error('token sk-abcdefghijklmnop leaked') });
    run.saveDiff('A', 'diff --git a/x b/x\n');
    const record = finishRun(run, { status: 'done', selected: 'A', selection: 'A passes', candidates: [{ id: 'A', status: 'done' }], spend: { inputTokens: 10, outputTokens: 5, cachedInputTokens: 0, cost: 0.5, milliseconds: 0 } });

    const { events, damaged } = readTrajectory(join(run.directory, 'trajectory.jsonl'));
    expect(damaged).toBe(0);
    expect(events.map((event) => event.type)).toEqual(['run-start', 'message', 'tool-result', 'run-end']);
    for (const event of events) expect(Date.parse(event.time)).not.toBeNaN();
    const text = readFileSync(join(run.directory, 'trajectory.jsonl'), 'utf8');
    expect(text).not.toContain('sk-');
    expect(events[1]).toMatchObject({ text: 'my key is [redacted]', nested: { list: ['[redacted]'] } });
    expect(events[2]).toMatchObject({ error: { name: 'Error', message: 'token [redacted] leaked' } });
    expect(record.task.text).toBe('fix the bug with key [redacted]');
    expect(record.redactions).toBe(5);

    run.trajectory.record({ type: 'message', text: 'after close' });
    expect(readTrajectory(join(run.directory, 'trajectory.jsonl')).events).toHaveLength(4);
    const stored = JSON.parse(readFileSync(join(run.directory, 'run.json'), 'utf8')) as RunRecord;
    expect(stored).toMatchObject({ status: 'done', selected: 'A', selection: 'A passes', spend: { cost: 0.5 }, candidates: [{ id: 'A', status: 'done', diff: 'candidates/A.diff', files: 1 }] });
    expect(Date.parse(stored.endedAt!)).toBeGreaterThanOrEqual(Date.parse(stored.startedAt));
  });

  it('loadRun finds a run by id, prefix or last; listRuns sorts newest first; a dead running run reads as interrupted', async () => {
    const fixture = repository();
    const first = await createRun(fixture.root, { task, model: 'm:x' });
    finishRun(first, { status: 'done' });
    const second = await createRun(join(fixture.root, 'src'), { task, model: 'm:y' });
    second.trajectory.close();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const path = join(second.directory, 'run.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace(`"pid": ${process.pid}`, `"pid": ${dead}`));

    expect((await loadRun(fixture.root, 'last')).record.id).toBe(second.id);
    expect((await loadRun(fixture.root, first.id)).record.status).toBe('done');
    expect((await loadRun(fixture.root, second.id)).record.status).toBe('interrupted');
    const runs = await listRuns(fixture.root);
    expect(runs.map((run) => run.record.id)).toEqual([second.id, first.id].sort().reverse());
    await expect(loadRun(fixture.root, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses candidate and report names that are not plain file names', async () => {
    const fixture = repository();
    const run = await createRun(fixture.root, { task, model: 'm:x' });
    expect(() => run.saveDiff('../A', '')).toThrow(/cannot be used/);
    expect(() => run.saveReport('x', 'run.json')).toThrow(/not run.json/);
    expect(readFileSync(run.saveReport('key sk-abcdefghijklmnop'), 'utf8')).toBe('key sk-abcdefghijklmnop');
    finishRun(run, { status: 'failed', reason: 'the model was unreachable' });
  });
});
