import { afterEach, describe, expect, test } from 'vitest';
import { createFixture, type Fixture } from '../../../test/helpers/fixture.ts';
import { createTranslateTask } from '../../agent/tasks/translate.ts';
import { benchTaskSchema } from '../task-schema.ts';
import { createMigrationMeasure } from './migration-measure.ts';

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

const task = benchTaskSchema.parse({
  id: 'translate/clamp',
  family: 'translate',
  scope: 'function',
  complexity: 'low',
  autonomy: 'high',
  language: 'typescript',
  source: { kind: 'inline', files: {} },
  request: 'Translate src/clamp.js to TypeScript',
  target: 'src/clamp.js',
  toLanguage: 'typescript',
  scoring: {},
});

function attemptIn(translation: string) {
  const fixture = createFixture(
    {
      'package.json': JSON.stringify({ name: 'm', type: 'module', scripts: { test: 'node --test' } }),
      'src/clamp.js': 'export function clamp(value, low, high) {\n  return Math.min(Math.max(value, low), high);\n}\n',
    },
    { git: true },
  );
  fixtures.push(fixture);
  fixture.write('src/clamp.ts', translation);
  fixture.write('test/clamp.test.ts', "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { clamp } from '../src/clamp.ts';\n\ntest('clamps', () => assert.equal(clamp(5, 0, 3), 3));\n");
  fixture.git('add', '-N', '.');
  const patch = fixture.git('diff');
  return { worktree: fixture.root, attempt: { taskId: task.id, sample: 0, agent: 'test', status: 'done' as const, patch, answer: '', seconds: 0, inputTokens: 0, outputTokens: 0, cost: 0 } };
}

describe('migration measure', () => {
  const measure = createMigrationMeasure(createTranslateTask({ runs: 60 }));
  const options = { signal: new AbortController().signal, timeoutMs: 60_000 };

  test('a faithful translation agrees on every generated input', async () => {
    const { worktree, attempt } = attemptIn('export function clamp(value: number, low: number, high: number): number {\n  return Math.min(Math.max(value, low), high);\n}\n');
    expect(measure.accepts(task)).toBe(true);
    expect(await measure.doMeasure(task, attempt, worktree, options)).toEqual({ agreement: 1, migrationPassed: 1 });
  });

  test('a translation that ignores the upper bound disagrees and does not pass', async () => {
    const { worktree, attempt } = attemptIn('export function clamp(value: number, low: number, high: number): number {\n  return Math.max(value, low);\n}\n');
    const measured = await measure.doMeasure(task, attempt, worktree, options);
    expect(measured.migrationPassed).toBe(0);
    expect(measured.agreement).toBeLessThan(0.95);
  });

  test('translations into other languages are left to their own scorers', () => {
    expect(measure.accepts({ ...task, toLanguage: 'java' })).toBe(false);
    expect(measure.accepts({ ...task, family: 'fix' })).toBe(false);
  });
});
