import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFixture } from '../helpers/fixture.ts';
import type { Fixture } from '../helpers/fixture.ts';
import { startScriptedOpenAIServer } from '../helpers/scripted-openai-server.ts';
import type { ScriptedServer, ScriptedTurn } from '../helpers/scripted-openai-server.ts';

// The CLI child inherits this process's environment (read when test/helpers/cli.ts loads): no
// user config, no model and no keys from the shell running the tests.
const userConfigHome = mkdtempSync(join(tmpdir(), 'codewright-models-xdg-'));
process.env.XDG_CONFIG_HOME = userConfigHome;
for (const name of ['CODEWRIGHT_MODEL', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'OPENROUTER_API_KEY', 'OPENAI_BASE_URL', 'ANTHROPIC_BASE_URL', 'OLLAMA_HOST', 'VLLM_BASE_URL']) delete process.env[name];
const { runCliAsync } = await import('../helpers/cli.ts');

/** Runs the CLI without blocking this process, which serves the scripted model. */
const codewright = (args: string[], cwd: string) => runCliAsync(args, { cwd, env: { XDG_CONFIG_HOME: userConfigHome }, timeoutMs: 60_000 });

let server: ScriptedServer | undefined;
let fixture: Fixture | undefined;

async function repositoryWithModel(turn: ScriptedTurn): Promise<Fixture> {
  server = await startScriptedOpenAIServer({ scripts: { default: [turn] } });
  const config = {
    model: 'scripted:coder-1',
    providers: { scripted: { type: 'openai-compatible', baseURL: server.url } },
    prices: { 'scripted:coder-1': { inputPerMillion: 0.5, outputPerMillion: 1.5 } },
    requestTimeoutSeconds: 30,
  };
  fixture = createFixture({ 'codewright.json': JSON.stringify(config, null, 2), 'src/index.ts': 'export const one = 1;\n' }, { git: true });
  return fixture;
}

function expectUntouched(repository: Fixture): void {
  expect(repository.git('status', '--porcelain', '--ignored')).toBe('');
  expect(existsSync(join(repository.root, '.codewright'))).toBe(false);
}

afterEach(async () => {
  await server?.close();
  server = undefined;
  fixture?.remove();
  fixture = undefined;
});
beforeAll(() => {
  expect(process.env.XDG_CONFIG_HOME).toBe(userConfigHome);
});
afterAll(() => rmSync(userConfigHome, { recursive: true, force: true }));

describe('codewright models', () => {
  it('lists the providers, the model from codewright.json and its prices, and checks that it answers', async () => {
    const repository = await repositoryWithModel({ text: 'OK', usage: { input: 12, output: 1 } });
    const result = await codewright(['models', '--root', repository.root], repository.root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}ollama +openai-compatible +http:\/\/127\.0\.0\.1:11434\/v1 +no key needed$/m);
    expect(result.stdout).toMatch(/^ {2}anthropic +anthropic +https:\/\/api\.anthropic\.com\/v1 +ANTHROPIC_API_KEY not set$/m);
    expect(result.stdout).toMatch(new RegExp(`^ {2}scripted +openai-compatible +${server!.url.replace(/[./]/g, '\\$&')} +no key needed +\\(config\\)$`, 'm'));
    expect(result.stdout).toContain(`Model   scripted:coder-1 (from ${join(repository.root, 'codewright.json')}) timeout 30 s, 2 retries`);
    expect(result.stdout).toContain('  scripted:coder-1  input 0.5, output 1.5');
    expect(result.stdout).toMatch(/^Check {3}scripted:coder-1 answered in \d+ ms$/m);
    expect(server!.requests).toHaveLength(1);
    expect(server!.requests[0]).toMatchObject({ model: 'coder-1', max_tokens: 1 });
    expectUntouched(repository);
  });

  it('prints JSON, and checks a --model given on the command line', async () => {
    const repository = await repositoryWithModel({ text: 'OK' });
    const result = await codewright(['models', '--root', repository.root, '--json', '--model', 'scripted:other'], repository.root);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.model).toEqual({ id: 'scripted:other', chosenBy: '--model', requestTimeoutSeconds: 30, maxRetries: 2 });
    expect(report.check).toMatchObject({ ok: true });
    expect(report.providers.find((provider: { name: string }) => provider.name === 'openai')).toEqual({
      name: 'openai',
      type: 'openai',
      baseURL: 'https://api.openai.com/v1',
      apiKeyEnv: 'OPENAI_API_KEY',
      keySet: false,
      source: 'built-in',
    });
    expect(report.files).toEqual({ repository: join(repository.root, 'codewright.json'), repositoryFound: true, user: join(userConfigHome, 'codewright', 'config.json'), userFound: false });
    expect(server!.requests[0]!.model).toBe('other');
  });

  it('sends nothing with --no-check', async () => {
    const repository = await repositoryWithModel({ text: 'OK' });
    const result = await codewright(['models', '--root', repository.root, '--no-check'], repository.root);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('Check');
    expect(server!.requests).toHaveLength(0);
  });

  it('exits 2 with the classified error when the model does not answer', async () => {
    const repository = await repositoryWithModel({ text: 'OK', failures: { status: 401, times: 1 } });
    const result = await codewright(['models', '--root', repository.root], repository.root);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/^Check {3}failed after \d+ ms \(MODEL_AUTH\)$/m);
    expect(result.stderr).toContain('codewright: scripted refused the key (401: ');
    expect(result.stderr).toContain('The endpoint asks for a key: add "apiKeyEnv": "MY_KEY" to providers.scripted in codewright.json and export MY_KEY.');
    expectUntouched(repository);
  });

  it('with nothing configured: exit 2, how to configure a model, nothing written', async () => {
    fixture = createFixture({ 'src/index.ts': 'export const one = 1;\n' }, { git: true });
    const result = await codewright(['models'], fixture.root);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('Providers');
    expect(result.stdout).not.toContain('Model ');
    expect(result.stderr).toContain('codewright: No model is configured. Choose one:');
    expect(result.stderr).toContain('ollama pull qwen2.5-coder && codewright solve --model ollama:qwen2.5-coder');
    expect(result.stderr).toContain('export ANTHROPIC_API_KEY=...');
    expect(result.stderr).toContain('{ "model": "ollama:qwen2.5-coder" }');
    expectUntouched(fixture);
  });

  it('exits 2 naming the file and the field when codewright.json holds a key', async () => {
    fixture = createFixture({ 'codewright.json': JSON.stringify({ providers: { corp: { type: 'openai', apiKey: 'sk-live-123' } } }) }, { git: true });
    const result = await codewright(['models'], fixture.root);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`codewright: ${join(fixture.root, 'codewright.json')}: providers.corp.apiKey: keys are never written into a config file; write "apiKeyEnv"`);
    expect(result.stderr).not.toContain('sk-live-123');
  });
});
