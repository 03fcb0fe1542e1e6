/** codewright's own agent under the bench: a scripted model fixes an inline task; its diff, spend and trajectory are recorded and scored. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createFixture, type Fixture } from '../helpers/fixture.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { startScriptedOpenAIServer, type ScriptedServer } from '../helpers/scripted-openai-server.ts';
import { diffOf, jsonl } from './bench-fixture.ts';

const buggy = 'export function average(values) {\n  let total = 0;\n  for (let index = 1; index < values.length; index++) total += values[index];\n  return total / values.length;\n}\n';
const loop = 'for (let index = 1; index < values.length; index++) total += values[index];';
const existingTest = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { average } from '../src/stats.js';\n\ntest('averages a pair that starts at zero', () => assert.equal(average([0, 2]), 1));\n";
const hiddenTest = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { average } from '../src/stats.js';\n\ntest('average counts the first value', () => assert.equal(average([4, 2]), 3));\n";
const reproduction = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { average } from '../src/stats.js';\n\ntest('average counts the first value (issue)', () => assert.equal(average([6, 2]), 4));\n";

let fixture: Fixture | undefined;
let server: ScriptedServer | undefined;
afterEach(async () => {
  fixture?.remove();
  await server?.close();
});

describe('bench run --agent codewright', () => {
  test("runs startTask in the task's worktree with the project's model, records the selected diff, tokens and trajectory, and scores it", async () => {
    server = await startScriptedOpenAIServer({
      scripts: {
        A: [
          { toolCalls: [{ name: 'read', arguments: { path: 'src/stats.js' } }] },
          { toolCalls: [{ name: 'write', arguments: { path: 'test/issue.test.js', content: reproduction } }, { name: 'edit', arguments: { path: 'src/stats.js', search: loop, replace: loop.replace('index = 1', 'index = 0') } }] },
          { text: 'The loop now starts at the first value.' },
        ],
      },
    });
    const files = { 'package.json': JSON.stringify({ name: 'stats', type: 'module', scripts: { test: 'node --test' } }), 'src/stats.js': buggy, 'test/stats.test.js': existingTest };
    const task = {
      id: 'stats/average', family: 'fix', scope: 'unit', complexity: 'low', autonomy: 'high', language: 'javascript',
      request: 'average() ignores the first value: average([4, 2]) returns 1 instead of 3.',
      source: { kind: 'inline', files },
      scoring: { failToPass: ['test/average.test.js'], passToPass: ['test/stats.test.js'], testPatch: diffOf(files, { 'test/average.test.js': hiddenTest }) },
      limits: { seconds: 120 },
    };
    fixture = createFixture({ 'codewright.json': JSON.stringify({ model: 'scripted:fixer', providers: { scripted: { type: 'openai-compatible', baseURL: server.url } } }) });
    writeFileSync(join(fixture.root, 'tasks.jsonl'), jsonl([task]));
    const result = await runCliAsync(['bench', 'run', 'tasks.jsonl', '--agent', 'codewright', '--min-free-mb', '0', '--json'], { cwd: fixture.root });
    expect(result.stderr).toContain('[1/1] stats/average#0 passed');
    expect(result.status).toBe(0);
    const outcome = JSON.parse(result.stdout) as { id: string; directory: string; overall: { resolveRate: number; tokens: { input: number; output: number } } };
    expect(outcome.overall.resolveRate).toBe(1);
    expect(outcome.overall.tokens.input).toBeGreaterThan(0);
    const attempt = JSON.parse(readFileSync(join(outcome.directory, 'attempts.jsonl'), 'utf8').trim()) as { status: string; patchFile: string; trajectory: string; inputTokens: number };
    expect(attempt.status).toBe('done');
    const patch = readFileSync(join(outcome.directory, attempt.patchFile), 'utf8');
    expect(patch).toContain('+  for (let index = 0;');
    expect(patch).toContain('test/issue.test.js');
    expect(patch).not.toContain('.codewright');
    expect(existsSync(join(outcome.directory, attempt.trajectory))).toBe(true);
    expect(readFileSync(join(outcome.directory, attempt.trajectory), 'utf8')).toContain('"type":"tool-call"');
    expect(server.requests.length).toBeGreaterThanOrEqual(3);
  });
});
