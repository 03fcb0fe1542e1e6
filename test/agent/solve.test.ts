/** End to end: `codewright solve` with three scripted candidates (right, wrong, breaking), selection with evidence, apply. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createFixture, type Fixture } from '../helpers/fixture.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { startScriptedOpenAIServer, type ScriptedServer, type ScriptedTurn } from '../helpers/scripted-openai-server.ts';

const buggy = `export function average(values) {
  let total = 0;
  for (let index = 1; index < values.length; index++) total += values[index];
  return total / values.length;
}

export function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}
`;

const existingTests = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { average, sum } from '../src/stats.js';

test('sums values', () => assert.equal(sum([1, 2, 3]), 6));
test('averages a pair that starts at zero', () => assert.equal(average([0, 2]), 1));
`;

const reproduction = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { average } from '../src/stats.js';

test('average counts the first value (issue 7)', () => assert.equal(average([4, 2]), 3));
`;

const loop = 'for (let index = 1; index < values.length; index++) total += values[index];';

function candidate(fix: { search: string; replace: string }, summary: string): ScriptedTurn[] {
  return [
    { toolCalls: [{ name: 'read', arguments: { path: 'src/stats.js' } }] },
    {
      toolCalls: [
        { name: 'write', arguments: { path: 'test/average-issue.test.js', content: reproduction } },
        { name: 'edit', arguments: { path: 'src/stats.js', ...fix } },
      ],
    },
    { text: summary },
  ];
}

const fixtures: Fixture[] = [];
const servers: ScriptedServer[] = [];
afterEach(async () => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
  for (const server of servers.splice(0)) await server.close();
});

async function project(scripts: Record<string, ScriptedTurn[]>): Promise<{ fixture: Fixture; server: ScriptedServer }> {
  const server = await startScriptedOpenAIServer({ scripts });
  servers.push(server);
  const fixture = createFixture(
    {
      'package.json': JSON.stringify({ name: 'stats', type: 'module', scripts: { test: 'node --test' } }, null, 2),
      'src/stats.js': buggy,
      'test/stats.test.js': existingTests,
      'codewright.json': JSON.stringify({ model: 'scripted:fixer', providers: { scripted: { type: 'openai-compatible', baseURL: server.url } } }),
    },
    { git: true },
  );
  fixtures.push(fixture);
  return { fixture, server };
}

describe('codewright solve with three candidates', () => {
  test('the right candidate is selected, the report says why, and apply then undo restore the tree', async () => {
    const { fixture, server } = await project({
      A: candidate({ search: loop, replace: loop.replace('index = 1', 'index = 0') }, 'Fixed the loop to start at the first value.'),
      B: candidate({ search: 'return total / values.length;', replace: 'return total / (values.length - 1);' }, 'Divided by one less.'),
      C: candidate({ search: loop, replace: loop.replace('index = 1', 'index = 0').replace('index < values.length', 'index <= values.length') }, 'Included every index.'),
    });
    const before = readFileSync(join(fixture.root, 'src/stats.js'), 'utf8');
    const result = await runCliAsync(['solve', 'average() ignores the first value: average([4, 2]) returns 1 instead of 3 (issue 7)', '--candidates', '3', '--non-interactive', '--json', '--timeout', '60'], { cwd: fixture.root });
    expect(result.stderr).toContain('candidate A');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as {
      runId: string;
      selected: string;
      explanation: string;
      candidates: { candidate: string; success?: { passed: boolean; summary: string }; verdicts?: Record<string, number>; spend?: { inputTokens: number } }[];
      crossCheck: { candidate: string; author: string; passed: number; total: number }[];
    };
    expect(report.selected).toBe('A');
    expect(report.explanation).toMatch(/^Selected candidate A .*passes its success check/);
    const byId = Object.fromEntries(report.candidates.map((item) => [item.candidate, item]));
    expect(byId.A!.success!.passed).toBe(true);
    expect(byId.B!.success!.passed).toBe(false);
    expect(byId.C!.verdicts!.broken).toBeGreaterThan(0);
    expect(byId.A!.spend!.inputTokens).toBeGreaterThan(0);
    // Cross-checking: A's reproduction test fails on B's code.
    expect(report.crossCheck).toContainEqual(expect.objectContaining({ candidate: 'B', author: 'A', passed: 0 }));
    // The run never touched the user's tree.
    expect(readFileSync(join(fixture.root, 'src/stats.js'), 'utf8')).toBe(before);
    expect(fixture.git('status', '--porcelain')).toBe('');
    expect(server.requests.length).toBeGreaterThanOrEqual(9);

    const shown = await runCliAsync(['show', report.runId], { cwd: fixture.root });
    expect(shown.status).toBe(0);
    for (const expected of ['candidate A', 'edit', 'src/stats.js', 'selected', 'A']) expect(shown.stdout).toContain(expected);
    const listed = await runCliAsync(['runs', '--json'], { cwd: fixture.root });
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id: report.runId })]);

    const applied = await runCliAsync(['apply', report.runId], { cwd: fixture.root });
    expect(applied.stderr).toBe('');
    expect(applied.status).toBe(0);
    expect(readFileSync(join(fixture.root, 'src/stats.js'), 'utf8')).toContain('let index = 0;');
    expect(readFileSync(join(fixture.root, 'test/average-issue.test.js'), 'utf8')).toBe(reproduction);
    const undone = await runCliAsync(['undo'], { cwd: fixture.root });
    expect(undone.status).toBe(0);
    expect(readFileSync(join(fixture.root, 'src/stats.js'), 'utf8')).toBe(before);
    expect(fixture.git('status', '--porcelain')).toBe('');
  });
});
