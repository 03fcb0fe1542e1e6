import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createFixture } from '../helpers/fixture.ts';
import type { Fixture } from '../helpers/fixture.ts';
import { runCli, runCliJson } from '../helpers/cli.ts';
import { candidateDiff, createCandidateWorkspace, createRun, finishRun, removeCandidateWorkspace } from '../../src/agent/run/index.ts';
import type { RunRecord, RunSummary, StoredEvent } from '../../src/agent/run/index.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

const parser = 'export function parse(text) {\n  return text.split(",");\n}\n';
const fixed = 'export function parse(text) {\n  return text.split(",").map((part) => part.trim());\n}\n';
const longMessage = `I will look at the parser first. ${'It splits on commas but keeps the spaces around each part. '.repeat(6)}`;

/** A finished run with two candidates, written through the run API with a hand-made trajectory. */
async function recordedRun(): Promise<string> {
  fixture = createFixture({ 'src/parse.js': parser, 'notes.md': 'old notes\n' }, { git: true });
  const run = await createRun(fixture.root, { task: { family: 'solve', text: 'parse() keeps spaces around values' }, model: 'openai:gpt-test', limits: { candidates: 2 } });
  const workspace = await createCandidateWorkspace(run, 'A');
  writeFileSync(join(workspace.root, 'src/parse.js'), fixed);
  writeFileSync(join(workspace.root, 'src/parse.test.js'), 'test\n');
  rmSync(join(workspace.root, 'notes.md'));
  run.saveDiff('A', await candidateDiff(workspace));
  await removeCandidateWorkspace(workspace);
  run.saveDiff('B', '');
  const record = run.trajectory.record.bind(run.trajectory);
  record({ type: 'round-start', round: 1, parents: [] });
  record({ type: 'candidate-start', candidate: 'A', round: 1, model: 'openai:gpt-test', system: 'You are codewright.' });
  record({ type: 'message', candidate: 'A', round: 1, role: 'user', text: 'parse() keeps spaces around values' });
  record({ type: 'message', candidate: 'A', round: 1, step: 1, role: 'assistant', text: longMessage });
  record({ type: 'tool-call', candidate: 'A', round: 1, step: 1, tool: 'read_file', callId: 'c1', input: { path: 'src/parse.js' } });
  record({ type: 'tool-result', candidate: 'A', round: 1, step: 1, tool: 'read_file', callId: 'c1', characters: 1234, output: parser });
  record({ type: 'usage', candidate: 'A', round: 1, step: 1, inputTokens: 1500, outputTokens: 200, cachedInputTokens: 0, cost: 0.0021, finishReason: 'tool-calls' });
  record({ type: 'edit', candidate: 'A', round: 1, step: 2, path: 'src/parse.js', added: 1, removed: 1 });
  record({ type: 'edit-discarded', candidate: 'A', round: 1, step: 2, path: 'src/other.js', reason: 'the old text was not found' });
  record({ type: 'question', candidate: 'A', round: 1, step: 2, id: 'q1', text: 'Trim tabs as well?', options: ['yes', 'no'], source: 'model' });
  record({ type: 'answer', candidate: 'A', round: 1, step: 2, id: 'q1', answer: 'yes', by: 'user' });
  record({ type: 'usage', candidate: 'A', round: 1, step: 2, inputTokens: 1800, outputTokens: 90, cachedInputTokens: 1000, cost: 0.0019, finishReason: 'stop' });
  record({ type: 'candidate-end', candidate: 'A', round: 1, status: 'done', steps: 2, milliseconds: 4200, answer: 'Trimmed each part.' });
  record({ type: 'evidence', candidate: 'A', round: 1, counts: { verified: 1, likely: 0, unverified: 1, suspicious: 0, broken: 0 }, hunks: [{ path: 'src/parse.js', line: 2, verdict: 'unverified', reason: 'no test reaches this line' }], success: { passed: true, summary: 'the reproduction test passes' } });
  record({ type: 'candidate-start', candidate: 'B', round: 1, model: 'openai:gpt-test' });
  record({ type: 'error', candidate: 'B', round: 1, code: 'MODEL_FAILED', message: 'the model returned nothing' });
  record({ type: 'candidate-end', candidate: 'B', round: 1, status: 'error', steps: 0, milliseconds: 100, answer: '' });
  record({ type: 'question', round: 1, id: 'd1', text: 'What should parse(" a ,b") return?', options: ['["a","b"]', '[" a ","b"]'], source: 'disagreement' });
  record({ type: 'answer', round: 1, id: 'd1', answer: '["a","b"]', by: 'majority' });
  record({ type: 'cross-check', round: 1, cells: [{ candidate: 'A', author: 'answers', passed: 1, total: 1, failures: [] }], ranking: [{ candidate: 'A', score: 4.6 }, { candidate: 'B', score: -1 }] });
  record({ type: 'selection', selected: 'A', explanation: 'Selected candidate A (score 4.60): passes its success check.\nRunner-up B (score -1.00): delivered nothing (error).' });
  finishRun(run, {
    status: 'done',
    selected: 'A',
    selection: 'Selected candidate A (score 4.60): passes its success check.',
    candidates: [{ id: 'A', round: 1, status: 'done' }, { id: 'B', round: 1, status: 'error' }],
    spend: { inputTokens: 3300, outputTokens: 290, cachedInputTokens: 1000, cost: 0.004, milliseconds: 0 },
  });
  return run.id;
}

describe('codewright runs, show, apply and undo', () => {
  test('runs lists the run and show replays its trajectory per candidate', async () => {
    const id = await recordedRun();

    const listed = runCli(['runs'], { cwd: fixture.root });
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(`${id} `);
    expect(listed.stdout).toMatch(/done solve: parse\(\) keeps spaces around values openai:gpt-test; candidates A,B; selected A; \$0\.0040/);
    const [summary] = runCliJson<RunSummary[]>(['runs'], { cwd: fixture.root });
    expect(summary).toMatchObject({ id, family: 'solve', model: 'openai:gpt-test', status: 'done', selected: 'A', cost: 0.004, candidates: [{ id: 'A', status: 'done' }, { id: 'B', status: 'error' }] });

    const shown = runCli(['show', 'last'], { cwd: join(fixture.root, 'src') });
    expect(shown.status).toBe(0);
    const text = shown.stdout;
    expect(text).toContain(`run ${id} done`);
    expect(text).toMatch(/candidate A done, 3 files changed \(candidates\/A\.diff\); 3590 tokens, \$0\.0040/);
    expect(text).toMatch(/\[1\] assistant: I will look at the parser first\. .*… \(\d+ characters\)/);
    expect(text).toContain('[1] call read_file {"path":"src/parse.js"}');
    expect(text).toContain('[1]   read_file returned 1234 characters');
    expect(text).toContain('[1] tokens 1500 in, 200 out, $0.0021 (tool-calls)');
    expect(text).toContain('[2] tokens 1800 in (1000 cached), 90 out, $0.0019 (stop)');
    expect(text).toContain('[2] edit kept: src/parse.js +1 -1');
    expect(text).toContain('[2] edit discarded: src/other.js: the old text was not found');
    expect(text).toContain('[2] question q1 (model): Trim tabs as well? [yes | no]');
    expect(text).toContain('[2] answer q1 by user: yes');
    expect(text).toContain('evidence: hunks 1 verified, 1 unverified; success check passed: the reproduction test passes');
    expect(text).toContain('src/parse.js:2 unverified: no test reaches this line');
    expect(text).toContain('ended: done after 2 steps in 4.2 s; answer: Trimmed each part.');
    expect(text).toMatch(/candidate B error, no change; 0 tokens, \$0\.0000/);
    expect(text).toContain('error MODEL_FAILED: the model returned nothing');
    expect(text).toContain('question d1 (disagreement): What should parse(" a ,b") return?');
    expect(text).toContain('answer d1 by majority: ["a","b"]');
    expect(text).toContain('A against tests by answers: 1/1 passed');
    expect(text).toContain('selected candidate A');
    expect(text).toContain('Runner-up B (score -1.00): delivered nothing (error).');
    expect(text.indexOf('candidate A')).toBeLessThan(text.indexOf('candidate B'));

    const json = runCliJson<{ run: RunRecord; events: StoredEvent[] }>(['show', id], { cwd: fixture.root });
    expect(json.run.id).toBe(id);
    expect(json.events.map((event) => event.type)).toContain('selection');
    expect(json.events.every((event) => typeof event.time === 'string')).toBe(true);

    const missing = runCli(['show', 'no-such-run'], { cwd: fixture.root });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('There is no run `no-such-run`');
  });

  test('apply writes the selected change, undo restores the files, and a conflict writes nothing', async () => {
    const id = await recordedRun();

    const applied = runCli(['apply'], { cwd: fixture.root });
    expect(applied.stderr).toBe('');
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain(`applied candidate A of run ${id}: 3 files`);
    expect(applied.stdout).toContain('created src/parse.test.js');
    expect(applied.stdout).toContain('deleted notes.md');
    expect(readFileSync(join(fixture.root, 'src/parse.js'), 'utf8')).toBe(fixed);
    expect(existsSync(join(fixture.root, 'notes.md'))).toBe(false);
    expect(runCli(['runs'], { cwd: fixture.root }).stdout).toContain('applied A');

    const undone = runCli(['undo'], { cwd: fixture.root });
    expect(undone.status).toBe(0);
    expect(undone.stdout).toContain(`undid the apply of candidate A of run ${id}`);
    expect(readFileSync(join(fixture.root, 'src/parse.js'), 'utf8')).toBe(parser);
    expect(readFileSync(join(fixture.root, 'notes.md'), 'utf8')).toBe('old notes\n');
    expect(existsSync(join(fixture.root, 'src/parse.test.js'))).toBe(false);
    expect(fixture.git('status', '--porcelain')).toBe('');

    fixture.write('src/parse.js', 'export const edited = 1;\n');
    const conflict = runCli(['apply', id, '--candidate', 'A'], { cwd: fixture.root });
    expect(conflict.status).toBe(2);
    expect(conflict.stderr).toContain(`Nothing was applied: these files changed since run ${id} started: src/parse.js (modified)`);
    expect(readFileSync(join(fixture.root, 'src/parse.js'), 'utf8')).toBe('export const edited = 1;\n');
    expect(readFileSync(join(fixture.root, 'notes.md'), 'utf8')).toBe('old notes\n');

    const empty = runCli(['apply', '--candidate', 'B'], { cwd: fixture.root });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('Candidate B of run');
  });

  test('undo refuses files edited since the apply unless --force', async () => {
    await recordedRun();
    expect(runCli(['apply', '--json'], { cwd: fixture.root }).status).toBe(0);
    fixture.write('src/parse.js', 'edited after the apply\n');

    const refused = runCli(['undo'], { cwd: fixture.root });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Nothing was undone: these files changed since run');
    expect(refused.stderr).toContain('codewright undo --force');
    expect(readFileSync(join(fixture.root, 'src/parse.js'), 'utf8')).toBe('edited after the apply\n');

    const forced = runCli(['undo', '--force'], { cwd: fixture.root });
    expect(forced.status).toBe(0);
    expect(forced.stderr).toContain('--force overwrote edits made since the apply to: src/parse.js');
    expect(readFileSync(join(fixture.root, 'src/parse.js'), 'utf8')).toBe(parser);
    expect(fixture.git('status', '--porcelain')).toBe('');

    const nothing = runCli(['undo'], { cwd: fixture.root });
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toContain('There is nothing to undo');
  });
});
