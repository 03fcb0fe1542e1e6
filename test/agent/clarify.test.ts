/** End to end: two candidates disagree on an input; the question is asked, answered through stdin, and the answer becomes a test. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createFixture, type Fixture } from '../helpers/fixture.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { startScriptedOpenAIServer, type ScriptedServer, type ScriptedTurn } from '../helpers/scripted-openai-server.ts';

const stats = 'export function sum(values: number[]): number {\n  return values.reduce((total, value) => total + value, 0);\n}\n';

function candidate(body: string, letter: string): ScriptedTurn[] {
  const test = `import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { average } from '../src/stats.ts';\n\ntest('averages', () => assert.equal(average([2, 4]), 3));\n`;
  return [
    {
      toolCalls: [
        { name: 'edit', arguments: { path: 'src/stats.ts', search: 'export function sum(', replace: `export function average(values: number[]): number {\n${body}\n}\n\nexport function sum(` } },
        { name: 'write', arguments: { path: `test/average-${letter}.test.ts`, content: test } },
      ],
    },
    { text: `Added average (candidate ${letter}).` },
  ];
}

const fixtures: Fixture[] = [];
const servers: ScriptedServer[] = [];
afterEach(async () => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
  for (const server of servers.splice(0)) await server.close();
});

describe('asking instead of guessing', () => {
  test('candidates that disagree on [] produce a concrete question; the answer from stdin becomes a test and decides the selection', async () => {
    const server = await startScriptedOpenAIServer({
      scripts: {
        A: candidate('  return values.length === 0 ? 0 : sum(values) / values.length;', 'a'),
        B: candidate("  if (values.length === 0) throw new RangeError('average of no values');\n  return sum(values) / values.length;", 'b'),
      },
    });
    servers.push(server);
    const fixture = createFixture(
      {
        'package.json': JSON.stringify({ name: 'stats', type: 'module', scripts: { test: 'node --test' } }),
        'src/stats.ts': stats,
        'test/sum.test.ts': "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { sum } from '../src/stats.ts';\n\ntest('sums', () => assert.equal(sum([1, 2]), 3));\n",
        'codewright.json': JSON.stringify({ model: 'scripted:m', providers: { scripted: { type: 'openai-compatible', baseURL: server.url } } }),
      },
      { git: true },
    );
    fixtures.push(fixture);
    const result = await runCliAsync(['implement', 'Add average(values) to src/stats.ts', '--candidates', '2', '--json', '--timeout', '60'], { cwd: fixture.root, input: '2\n' });
    expect(result.stderr).toContain('For input `([])` to `average` (src/stats.ts), candidate A returns 0 and candidate B throws RangeError: average of no values. Which is intended?');
    const report = JSON.parse(result.stdout) as { runId: string; selected: string; explanation: string; questions: { answer: string; by: string; test?: string }[]; assumptions: string[] };
    expect(report.questions).toEqual([{ question: expect.any(String), options: ['A: returns 0', 'B: throws RangeError: average of no values'], answer: 'B: throws RangeError: average of no values', by: 'user', test: 'src/stats.clarified-1.test.ts' }]);
    expect(report.assumptions).toEqual([]);
    expect(report.selected).toBe('B');
    expect(report.explanation).toContain("agrees with 1/1 of the user's answers");
    // The answer is kept with the selected change as a test.
    const diff = readFileSync(join(fixture.root, '.codewright/runs', report.runId, 'candidates/B.diff'), 'utf8');
    expect(diff).toContain('+++ b/src/stats.clarified-1.test.ts');
    expect(diff).toContain("assert.throws(() => average([]), { name: \"RangeError\" });");
  });
});
