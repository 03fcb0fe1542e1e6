import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../evidence/run-check.ts';
import { refactorTask } from './refactor.ts';
import { type CandidateFixture, candidateFixture } from './translation/testing/candidate-fixture.ts';

let current: CandidateFixture | undefined;
afterEach(() => current?.fixture.remove());

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const request = { family: 'refactor' as const, text: 'name the intermediate values of isAdult and clamp' };

const base = {
  'package.json': JSON.stringify({ name: 'fixture', type: 'module', scripts: { test: 'node --test' } }),
  'src/rules.ts': lines(
    'export function isAdult(age: number): boolean {',
    '  return age >= 18;',
    '}',
    '',
    'export function clamp(value: number, low: number, high: number): number {',
    '  return Math.min(Math.max(value, low), high);',
    '}',
  ),
  'src/rules.test.ts': lines("import { test } from 'node:test';", "import assert from 'node:assert/strict';", "import { clamp, isAdult } from './rules.ts';", "test('adult', () => assert.equal(isAdult(30), true));", "test('clamp', () => assert.equal(clamp(5, 0, 3), 3));"),
};

function candidate(comparison: string): Record<string, string> {
  return {
    'src/rules.ts': lines(
      'export function isAdult(age: number): boolean {',
      '  const adultAge = 18;',
      `  return age ${comparison} adultAge;`,
      '}',
      '',
      'export function clamp(value: number, low: number, high: number): number {',
      '  const atLeastLow = Math.max(value, low);',
      '  return Math.min(atLeastLow, high);',
      '}',
    ),
  };
}

async function checked(files: Record<string, string>) {
  current = candidateFixture(base, files, request);
  const checkReport = await runCheck(current.fixture.root, { base: current.input.workspace.base, intent: 'refactor', kinds: ['tests', 'differential'], timeoutMs: 60_000 });
  return refactorTask.doCheckSuccess({ ...current.input, checkReport });
}

describe('refactor', () => {
  it('tells the model that behaviour and public signatures must stay, and to run check', () => {
    const text = refactorTask.instructions(request);
    expect(text).toContain('Behaviour must not change');
    expect(text).toContain('Keep exported names and public signatures');
    expect(text).toContain('Call `check`');
    expect(refactorTask).toMatchObject({ tags: { scope: 'unit', complexity: 'medium', autonomy: 'high' }, changesCode: true });
  });

  it('passes a refactor in which differential testing finds no difference and tests pass', async () => {
    const report = await checked(candidate('>='));
    expect(report.passed).toBe(true);
    expect(report.summary).toMatch(/^no behaviour difference in 2 compared functions; hunks: /);
    expect(report.measures).toMatchObject({ differences: 0, comparedFunctions: 2, failingTests: 0, troubledHunks: 0 });
    expect(report.details).toContain('same behaviour: `isAdult`: 500 generated inputs and 1 from the tests behave as before');
  });

  it('fails a refactor that changes behaviour, with the input and both outcomes', async () => {
    const report = await checked(candidate('>'));
    expect(report.passed).toBe(false);
    expect(report.score).toBe(0);
    expect(report.summary).toBe('behaviour changed: src/rules.ts:1 `isAdult` for input (18): the base returns true, the change returns false');
    expect(report.measures?.differences).toBe(1);
  });

  it('fails when no check report is there to show behaviour was kept', async () => {
    current = candidateFixture(base, candidate('>='), request);
    const report = await refactorTask.doCheckSuccess(current.input);
    expect(report).toMatchObject({ passed: false, summary: '`check` did not run on the change, so its behaviour could not be compared with the base' });
  });
});
