import { afterEach, describe, expect, test } from 'vitest';
import { refactorScorer } from '../../../src/bench/mine/index.ts';
import { benchTaskSchema } from '../../../src/bench/task-schema.ts';
import type { Attempt } from '../../../src/bench/types.ts';
import { createFixture, type Fixture } from '../../helpers/fixture.ts';

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

const doc = '/**\n * @param {number} value\n * @param {number} low\n * @param {number} high\n * @returns {number}\n */\n';
const clamp = `${doc}export function clamp(value, low, high) {\n  if (value < low) {\n    return low;\n  }\n  if (value > high) {\n    return high;\n  }\n  return value;\n}\n`;
const extracted = `/**\n * @param {number} value\n * @param {number} high\n * @returns {number}\n */\nfunction atMost(value, high) {\n  return value > high ? high : value;\n}\n\n${doc}export function clamp(value, low, high) {\n  if (value < low) {\n    return low;\n  }\n  return atMost(value, high);\n}\n`;
// Still passes the tests (they clamp -1), but lets values below -100 through.
const changed = clamp.replace('if (value < low) {', 'if (value < low && value > -100) {');
const tests = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { clamp } from '../src/clamp.js';\n\ntest('clamps', () => {\n  assert.equal(clamp(-1, 0, 10), 0);\n  assert.equal(clamp(5, 0, 10), 5);\n  assert.equal(clamp(11, 0, 10), 10);\n});\n";

/** The repository at its base, then the working tree edited as an attempt leaves it; returns the base and the attempt. */
function attemptOn(edited: string): { base: string; attempt: Attempt } {
  fixture = createFixture(
    { 'package.json': JSON.stringify({ name: 'clamp', type: 'module', scripts: { test: 'node --test test/' } }), 'src/clamp.js': clamp, 'test/clamp.test.js': tests },
    { git: true },
  );
  const base = fixture.git('rev-parse', 'HEAD').trim();
  fixture.write('src/clamp.js', edited);
  const patch = fixture.git('diff');
  return { base, attempt: { taskId: 'clamp__refactor', sample: 0, agent: 'test', status: 'done', patch, answer: '', seconds: 1, inputTokens: 0, outputTokens: 0, cost: 0 } };
}

const task = benchTaskSchema.parse({
  id: 'clamp__refactor',
  family: 'refactor',
  scope: 'function',
  complexity: 'low',
  autonomy: 'medium',
  language: 'javascript',
  source: { kind: 'repository', repository: '/unused', baseCommit: '0123456789abcdef0123456789abcdef01234567' },
  request: 'Extract the upper bound of clamp into a helper',
  scoring: { preserve: ['src/clamp.js#clamp'], passToPass: ['test/clamp.test.js'] },
});

describe('refactor quality', () => {
  test('a behaviour-preserving extraction passes, with the change in complexity and duplication', async () => {
    const { base, attempt } = attemptOn(extracted);
    const score = await refactorScorer.doScore(task, attempt, fixture!.root, { signal: new AbortController().signal, timeoutMs: 120_000, base });
    expect(score.reason).toMatch(/^behaviour preserved/);
    expect(score).toMatchObject({ passed: true, status: 'passed' });
    // Before: clamp and two ifs. After: atMost with a ?:, clamp with an if.
    expect(score.measures).toMatchObject({ complexityBefore: 3, complexityAfter: 4, complexityDelta: 1, duplicationDelta: 0, behaviourChanges: 0, testFailures: 0, behaviourPreserved: 1 });
    expect(score.measures.functionsCompared).toBeGreaterThanOrEqual(1);
  }, 180_000);

  test('a behaviour-changing edit the tests miss fails on differential testing, naming a counterexample', async () => {
    const { base, attempt } = attemptOn(changed);
    const score = await refactorScorer.doScore(task, attempt, fixture!.root, { signal: new AbortController().signal, timeoutMs: 120_000, base });
    expect(score).toMatchObject({ passed: false, status: 'failed', measures: { behaviourChanges: 1, testFailures: 0, behaviourPreserved: 0, complexityDelta: 1 } });
    expect(score.reason).toMatch(/clamp.*for input/);
  }, 180_000);

  test('an attempt that changes nothing is not a refactoring', async () => {
    const { base, attempt } = attemptOn(clamp);
    const score = await refactorScorer.doScore(task, attempt, fixture!.root, { signal: new AbortController().signal, timeoutMs: 60_000, base });
    expect(score).toMatchObject({ passed: false, status: 'failed', reason: 'the attempt changed nothing' });
  });
});
