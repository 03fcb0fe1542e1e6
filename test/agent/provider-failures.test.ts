/** Provider failures through the real CLI: bounded retries, a clear error, nothing written to the user's tree. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createFixture, type Fixture } from '../helpers/fixture.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { startScriptedAnthropicServer } from '../helpers/scripted-anthropic-server.ts';
import { startScriptedOpenAIServer, type ScriptedServer, type ScriptedTurn } from '../helpers/scripted-openai-server.ts';

const fixtures: Fixture[] = [];
const servers: ScriptedServer[] = [];
afterEach(async () => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
  for (const server of servers.splice(0)) await server.close();
});

async function solve(turns: ScriptedTurn[], config: Record<string, unknown> = {}, args: string[] = []) {
  const server = await startScriptedOpenAIServer({ scripts: { default: turns } });
  servers.push(server);
  const fixture = createFixture(
    {
      'package.json': JSON.stringify({ name: 'p', type: 'module', scripts: { test: 'node --test' } }),
      'src/a.js': 'export const a = 1;\n',
      'codewright.json': JSON.stringify({ model: 'scripted:m', providers: { scripted: { type: 'openai-compatible', baseURL: server.url } }, maxRetries: 1, ...config }),
    },
    { git: true },
  );
  fixtures.push(fixture);
  const result = await runCliAsync(['solve', 'make a equal 2', '--non-interactive', '--timeout', '30', ...args], { cwd: fixture.root });
  expect(fixture.git('status', '--porcelain')).toBe('');
  expect(readFileSync(join(fixture.root, 'src/a.js'), 'utf8')).toBe('export const a = 1;\n');
  return { result, server, fixture };
}

describe('provider failures', () => {
  test('401: no retry, exit 2 with what to check', async () => {
    const { result, server } = await solve([{ text: 'x', failures: { status: 401, times: 5 } }]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/codewright: .*(401|key|authori)/i);
    expect(server.requests.length).toBe(1);
  });

  test('500 beyond the retries: exactly maxRetries + 1 requests, then a clear error', async () => {
    const { result, server } = await solve([{ text: 'x', failures: { status: 500, times: 10, retryAfterSeconds: 0 } }]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/codewright: .*(500|unavailable|server)/i);
    expect(server.requests.length).toBe(2);
  });

  test('a request that hangs past the per-request timeout ends as a timeout', async () => {
    const { result } = await solve([{ hang: true }], { requestTimeoutSeconds: 1, maxRetries: 0 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/codewright: .*(time|timed out)/i);
  });

  test('malformed tool-call JSON, an unknown tool and arguments that fail the schema go back to the model, which recovers', async () => {
    const { result, fixture } = await solve([
      { toolCalls: [{ name: 'read', arguments: '{"path": "src/a.js"' }] },
      { toolCalls: [{ name: 'delete_everything', arguments: { path: '.' } }] },
      { toolCalls: [{ name: 'read', arguments: { file: 42 } }] },
      { text: 'I could not make the change.' },
    ], {}, ['--json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { candidates: { status: string; steps: number }[] };
    expect(report.candidates[0]).toMatchObject({ status: 'done', steps: 4 });
    const trajectory = readFileSync(join(fixture.root, '.codewright/runs', (JSON.parse(result.stdout) as { runId: string }).runId, 'trajectory.jsonl'), 'utf8');
    const errors = trajectory.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { type: string; error?: string }).filter((event) => event.type === 'tool-result' && event.error);
    expect(errors).toHaveLength(3);
  });

  test('a model that only makes failing tool calls is stopped after a bounded number of steps', async () => {
    const bad: ScriptedTurn = { toolCalls: [{ name: 'nope', arguments: {} }] };
    const { result } = await solve([bad, bad, bad, bad, bad, bad, bad, bad], {}, ['--json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { candidates: { status: string; steps: number }[] };
    expect(report.candidates[0]).toMatchObject({ status: 'tool-errors', steps: 4 });
  });
});

describe('model configuration', () => {
  test('with no model configured, a task stops at once with the how-to, and nothing is written', async () => {
    const fixture = createFixture({ 'src/a.js': 'export const a = 1;\n' }, { git: true });
    fixtures.push(fixture);
    const home = createFixture({});
    fixtures.push(home);
    const result = await runCliAsync(['solve', 'make a equal 2'], { cwd: fixture.root, env: { XDG_CONFIG_HOME: home.root, CODEWRIGHT_MODEL: '', OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/ollama/i);
    expect(result.stderr).toMatch(/--model/);
    expect(fixture.git('status', '--porcelain', '--ignored')).toBe('');
  });

  test('an Anthropic-protocol model from the user config answers `ask`, with usage counted', async () => {
    const server = await startScriptedAnthropicServer({ scripts: { default: [{ toolCalls: [{ name: 'read', arguments: { path: 'src/a.js' } }], usage: { input: 120, output: 30 } }, { text: '`a` is 1 (src/a.js:1 `export const a = 1;`).', usage: { input: 200, output: 20 } }] } });
    servers.push(server);
    const fixture = createFixture({ 'src/a.js': 'export const a = 1;\n' }, { git: true });
    fixtures.push(fixture);
    const home = createFixture({ 'codewright/config.json': JSON.stringify({ model: 'claude:scripted', providers: { claude: { type: 'anthropic', baseURL: server.url, apiKeyEnv: 'SCRIPTED_API_KEY' } } }) });
    fixtures.push(home);
    const result = await runCliAsync(['ask', 'What is a?', '--json'], { cwd: fixture.root, env: { XDG_CONFIG_HOME: home.root, SCRIPTED_API_KEY: 'scripted-test-key' } });
    expect(result.stderr).not.toContain('codewright:');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { answer: string; total: { inputTokens: number; outputTokens: number }; candidates: { success?: { passed: boolean } }[] };
    expect(report.answer).toContain('src/a.js:1');
    expect(report.candidates[0]!.success!.passed).toBe(true);
    expect(report.total).toMatchObject({ inputTokens: 320, outputTokens: 50 });
    expect(server.received[0]!.headers['x-api-key']).toBe('scripted-test-key');
  });
});
