/** Refinement rounds, hard limits, and secrets kept from the model and from trajectories, through the real CLI. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createFixture, type Fixture } from '../helpers/fixture.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { startScriptedOpenAIServer, type ScriptedServer, type ScriptedTurn } from '../helpers/scripted-openai-server.ts';

const buggy = 'export function average(values) {\n  let total = 0;\n  for (let index = 1; index < values.length; index++) total += values[index];\n  return total / values.length;\n}\n';
const reproduction = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { average } from '../src/stats.js';\n\ntest('counts the first value', () => assert.equal(average([4, 2]), 3));\n";

const fixtures: Fixture[] = [];
const servers: ScriptedServer[] = [];
afterEach(async () => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
  for (const server of servers.splice(0)) await server.close();
});

async function project(scripts: Record<string, ScriptedTurn[]>, extra: Record<string, string> = {}) {
  const server = await startScriptedOpenAIServer({ scripts });
  servers.push(server);
  const fixture = createFixture(
    {
      'package.json': JSON.stringify({ name: 'stats', type: 'module', scripts: { test: 'node --test' } }),
      'src/stats.js': buggy,
      'codewright.json': JSON.stringify({ model: 'scripted:m', providers: { scripted: { type: 'openai-compatible', baseURL: server.url } } }),
      ...extra,
    },
    { git: true },
  );
  fixtures.push(fixture);
  return { server, fixture };
}

function systemOf(body: Record<string, unknown>): string {
  const messages = body.messages as { role: string; content: unknown }[];
  return messages.filter((message) => message.role === 'system').map((message) => String(message.content)).join('\n');
}

describe('refinement rounds', () => {
  test('round 2 starts from the best round-1 change and its evidence, and fixes what it flagged', async () => {
    const { server, fixture } = await project({
      A: [
        { toolCalls: [{ name: 'write', arguments: { path: 'test/average.test.js', content: reproduction } }, { name: 'edit', arguments: { path: 'src/stats.js', search: 'return total / values.length;', replace: 'return total / (values.length - 1);' } }] },
        { text: 'Divided by one less.' },
      ],
      B: [
        { toolCalls: [{ name: 'edit', arguments: { path: 'src/stats.js', search: 'return total / (values.length - 1);', replace: 'return total / values.length;' } }, { name: 'edit', arguments: { path: 'src/stats.js', search: 'index = 1', replace: 'index = 0' } }] },
        { text: 'Restored the division and started the loop at 0.' },
      ],
    });
    const result = await runCliAsync(['solve', 'average([4, 2]) returns 1 instead of 3', '--rounds', '2', '--non-interactive', '--json', '--timeout', '60'], { cwd: fixture.root });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { selected: string; candidates: { candidate: string; round: number; parent?: string; success?: { passed: boolean } }[] };
    expect(report.candidates.map(({ candidate, round, parent }) => ({ candidate, round, parent }))).toEqual([
      { candidate: 'A', round: 1, parent: undefined },
      { candidate: 'B', round: 2, parent: 'A' },
    ]);
    expect(report.selected).toBe('B');
    const seeded = server.requests.find((body) => systemOf(body).includes('candidate B'))!;
    expect(systemOf(seeded)).toContain('Refine this earlier attempt');
    expect(systemOf(seeded)).toContain('+  return total / (values.length - 1);');
    const diff = readFileSync(join(fixture.root, '.codewright/runs', (JSON.parse(result.stdout) as { runId: string }).runId, 'candidates/B.diff'), 'utf8');
    expect(diff).toContain('+++ b/test/average.test.js');
    expect(diff).toContain('+  for (let index = 0;');
  });
});

describe('hard limits', () => {
  test('--max-tokens stops the run and the report says what each candidate spent', async () => {
    const { fixture } = await project({ default: [{ usage: { input: 400, output: 100 }, toolCalls: [{ name: 'read', arguments: { path: 'src/stats.js' } }] }, { usage: { input: 400, output: 100 }, text: 'never reached' }] });
    const result = await runCliAsync(['solve', 'fix average', '--candidates', '2', '--max-tokens', '600', '--non-interactive', '--json'], { cwd: fixture.root });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { stoppedBy?: string; total: { inputTokens: number; outputTokens: number }; candidates: { status: string; spend?: { inputTokens: number } }[] };
    expect(report.stoppedBy).toMatch(/^--max-tokens 600 \(spent \d+\)$/);
    expect(report.candidates.every((item) => item.status === 'limit')).toBe(true);
    expect(report.candidates.reduce((sum, item) => sum + (item.spend?.inputTokens ?? 0), 0)).toBe(report.total.inputTokens);
    expect(report.total.inputTokens + report.total.outputTokens).toBeLessThan(2000);
  });
});

describe('secrets', () => {
  test('secret files are refused and key-like values are redacted from what the model sees and from the trajectory', async () => {
    const openaiKey = `sk-proj-${'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z'.repeat(2)}`;
    const githubToken = `ghp_${'a1B2c3D4e5F6g7H8i9J0'.repeat(2).slice(0, 36)}`;
    const { server, fixture } = await project(
      {
        default: [
          { toolCalls: [{ name: 'read', arguments: { path: '.env' } }, { name: 'read', arguments: { path: 'src/config.js' } }] },
          { text: 'Read the configuration.' },
        ],
      },
      { '.env': `OPENAI_API_KEY=${openaiKey}\n`, 'src/config.js': `export const token = '${githubToken}';\n` },
    );
    const result = await runCliAsync(['ask', 'What does src/config.js hold?', '--non-interactive', '--json'], { cwd: fixture.root });
    const sent = JSON.stringify(server.requests);
    expect(sent).not.toContain(openaiKey);
    expect(sent).not.toContain(githubToken);
    expect(sent).toMatch(/\.env.*secret/i);
    expect(sent).toContain('[REDACTED:');
    const runId = (JSON.parse(result.stdout) as { runId: string }).runId;
    const trajectory = readFileSync(join(fixture.root, '.codewright/runs', runId, 'trajectory.jsonl'), 'utf8');
    expect(trajectory).not.toContain(openaiKey);
    expect(trajectory).not.toContain(githubToken);
  });
});
