import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../evidence/run-check.ts';
import { solveTask } from './solve.ts';
import { type CandidateFixture, candidateFixture } from './translation/testing/candidate-fixture.ts';

let current: CandidateFixture | undefined;
afterEach(() => current?.fixture.remove());

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const request = { family: 'solve' as const, text: 'sumEven skips the last even position' };

// The bug: the loop stops one short, so the last even position is never added.
const base = {
  'package.json': JSON.stringify({ name: 'fixture', type: 'module', scripts: { test: 'node --test' } }),
  'src/sum.js': lines(
    'export function sumEven(values) {',
    '  let total = 0;',
    '  for (let i = 0; i < values.length - 1; i += 2) total += values[i];',
    '  return total;',
    '}',
    '',
    'export function clamp(value, low, high) {',
    '  return Math.min(Math.max(value, low), high);',
    '}',
  ),
  'test/sum.test.js': lines(
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { clamp, sumEven } from '../src/sum.js';",
    "test('sums even positions of an even-length list', () => assert.equal(sumEven([1, 2, 3, 4]), 4));",
    "test('clamps', () => assert.equal(clamp(5, 0, 3), 3));",
  ),
};

const fixed = (clampBody = 'Math.min(Math.max(value, low), high)') => ({
  'src/sum.js': base['src/sum.js'].replace('values.length - 1', 'values.length').replace('Math.min(Math.max(value, low), high)', clampBody),
});

const reproduction = {
  'test/sum-odd.test.js': lines(
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { sumEven } from '../src/sum.js';",
    "test('adds the last even position of an odd-length list', () => assert.equal(sumEven([1, 2, 3]), 4));",
  ),
};

describe('solve', () => {
  it('asks for a failing reproduction test before the fix, tests, and a check', () => {
    const text = solveTask.instructions(request);
    expect(text).toContain('reproduction test first');
    expect(text).toContain('must FAIL on the code as it is now');
    expect(text).toContain('Call `check`');
    expect(solveTask).toMatchObject({ family: 'solve', tags: { scope: 'project', complexity: 'medium', autonomy: 'high' }, toolAccess: 'full', changesCode: true });
  });

  it('passes a fix whose new test fails on the base and passes with the fix, naming the test and both outcomes', async () => {
    current = candidateFixture(base, { ...fixed(), ...reproduction }, request);
    const report = await solveTask.doCheckSuccess(current.input);
    expect(report.passed).toBe(true);
    expect(report.summary).toMatch(/^test\/sum-odd\.test\.js fails on the base and passes with the fix/);
    expect(report.details).toContain('reproduction test: test/sum-odd.test.js');
    const outcome = report.details.find((line) => line.startsWith('test/sum-odd.test.js: '));
    expect(outcome).toMatch(/^test\/sum-odd\.test\.js: on the base fails \(adds the last even position of an odd-length list: .*\); with the change passes$/);
    expect(report.measures).toMatchObject({ testFiles: 1, reproductionTests: 1, brokenHunks: 0 });
  });

  it('rejects a test that passes on the base too: it does not reproduce the issue', async () => {
    const alwaysPasses = { 'test/sum-even.test.js': lines("import { test } from 'node:test';", "import assert from 'node:assert/strict';", "import { sumEven } from '../src/sum.js';", "test('empty list', () => assert.equal(sumEven([]), 0));") };
    current = candidateFixture(base, { ...fixed(), ...alwaysPasses }, request);
    const report = await solveTask.doCheckSuccess(current.input);
    expect(report.passed).toBe(false);
    expect(report.summary).toBe('no reproduction test: test/sum-even.test.js already passes on the base');
    expect(report.details).toContain('test/sum-even.test.js: on the base passes; with the change passes');
  });

  it('rejects a reproduction test that still fails with the change', async () => {
    current = candidateFixture(base, reproduction, request);
    const report = await solveTask.doCheckSuccess(current.input);
    expect(report.passed).toBe(false);
    expect(report.summary).toBe('no reproduction test: test/sum-odd.test.js fails with the change');
  });

  it('rejects a fix without any test', async () => {
    current = candidateFixture(base, fixed(), request);
    const report = await solveTask.doCheckSuccess(current.input);
    expect(report).toMatchObject({ passed: false, summary: 'no reproduction test: the change adds or changes no test file', details: ['changed files: src/sum.js'] });
  });

  it('rejects a reproduced fix when check finds a broken hunk (an existing test now fails)', async () => {
    current = candidateFixture(base, { ...fixed('Math.max(value, low)'), ...reproduction }, request);
    const checkReport = await runCheck(current.fixture.root, { base: current.input.workspace.base, intent: 'fix', kinds: ['tests'], timeoutMs: 60_000 });
    expect(checkReport.counts.broken).toBeGreaterThan(0);
    const report = await solveTask.doCheckSuccess({ ...current.input, checkReport });
    expect(report.passed).toBe(false);
    expect(report.summary).toMatch(/hunks? (is|are) broken/);
    expect(report.details.some((line) => /^src\/sum\.js:\d+ broken: /.test(line))).toBe(true);
    expect(report.measures?.reproductionTests).toBe(1);
  });
});
