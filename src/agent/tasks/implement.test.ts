import { afterEach, describe, expect, it } from 'vitest';
import { implementTask } from './implement.ts';
import { type CandidateFixture, candidateFixture } from './translation/testing/candidate-fixture.ts';

let current: CandidateFixture | undefined;
afterEach(() => current?.fixture.remove());

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const request = { family: 'implement' as const, text: 'add a `mean` function next to `sum`' };

const base = {
  'package.json': JSON.stringify({ name: 'fixture', type: 'module', scripts: { test: 'node --test' } }),
  'src/stats.js': lines('export function sum(values) {', '  return values.reduce((total, value) => total + value, 0);', '}'),
  'test/stats.test.js': lines("import { test } from 'node:test';", "import assert from 'node:assert/strict';", "import { sum } from '../src/stats.js';", "test('sum', () => assert.equal(sum([1, 2]), 3));"),
};

const feature = (expected: number) => ({
  'src/stats.js': `${base['src/stats.js']}\nexport function mean(values) {\n  if (values.length === 0) throw new RangeError('mean of no values');\n  return sum(values) / values.length;\n}\n`,
  'test/mean.test.js': lines(
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { mean } from '../src/stats.js';",
    `test('mean of three values', () => assert.equal(mean([1, 2, 6]), ${expected}));`,
    "test('mean of nothing throws', () => assert.throws(() => mean([]), RangeError));",
  ),
});

describe('implement', () => {
  it('asks to explore, ask when unclear, write the feature with tests and run check', () => {
    const text = implementTask.instructions(request);
    expect(text).toContain('`ask_user`');
    expect(text).toContain('Add tests');
    expect(text).toContain('Call `check`');
    expect(implementTask).toMatchObject({ family: 'implement', tags: { scope: 'project', complexity: 'medium', autonomy: 'medium' }, changesCode: true });
  });

  it('passes a feature whose new tests pass', async () => {
    current = candidateFixture(base, feature(3), request);
    const report = await implementTask.doCheckSuccess(current.input);
    expect(report).toMatchObject({ passed: true, summary: 'test/mean.test.js passes; no check report', measures: { testFiles: 1, failingTestFiles: 0, brokenHunks: 0 } });
    expect(report.details).toContain('test/mean.test.js: passes');
  });

  it('fails a feature whose new test fails, naming the failing test', async () => {
    current = candidateFixture(base, feature(4), request);
    const report = await implementTask.doCheckSuccess(current.input);
    expect(report.passed).toBe(false);
    expect(report.summary).toBe('tests fail: test/mean.test.js');
    expect(report.details[0]).toMatch(/^test\/mean\.test\.js: fails \(mean of three values: /);
  });

  it('fails a feature without tests, and tests without a feature', async () => {
    current = candidateFixture(base, { 'src/stats.js': feature(3)['src/stats.js'] }, request);
    expect((await implementTask.doCheckSuccess(current.input)).summary).toBe('the change adds or changes no test file');
    current.fixture.remove();
    current = candidateFixture(base, { 'test/mean.test.js': feature(3)['test/mean.test.js'] }, request);
    expect((await implementTask.doCheckSuccess(current.input)).summary).toBe('the change only touches tests: nothing implements the feature');
  });
});
