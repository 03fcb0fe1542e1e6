/** What a run counts: flaky tests are detected by repeated scoring and left out; samples give pass@k. */
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { BenchTaskInput } from '../../src/bench/task-schema.ts';
import { diffOf, inlineTasks } from './bench-fixture.ts';
import { bench, cleanups, setup } from './run-helpers.ts';

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('what a run counts', () => {
  test('a test that passes or fails from run to run is reported flaky and not counted', async () => {
    const { root, scratch } = setup();
    const counter = join(scratch.root, 'runs.txt');
    const flakyTest = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
const runs = existsSync(${JSON.stringify(counter)}) ? Number(readFileSync(${JSON.stringify(counter)}, 'utf8')) : 0;
writeFileSync(${JSON.stringify(counter)}, String(runs + 1));
test('passes every other run', () => assert.equal(runs % 2, 1));
`;
    const flaky: BenchTaskInput = { id: 'flaky', family: 'test', scope: 'function', complexity: 'low', autonomy: 'high', language: 'javascript', request: 'nothing to do', source: { kind: 'inline', files: { 'flaky.test.js': flakyTest } }, scoring: { failToPass: ['flaky.test.js'], reference: diffOf({ 'keep.txt': '' }, { 'note.txt': 'x\n' }) } };
    const { summary } = await bench(root, [flaky, inlineTasks()[0]!], 'reference');
    const task = summary.tasks.find((item) => item.id === 'flaky')!;
    expect(task.status).toBe('flaky');
    expect(task.rows[0]!.reason).toMatch(/^flaky: passed 2 of 5 scorings/);
    expect(task.counted).toBe(0);
    expect(summary.overall.excluded.flaky).toBe(1);
    expect(summary.overall.counted).toBe(1);
    expect(summary.overall.resolveRate).toBe(1);
    expect(summary.excluded).toEqual([{ taskId: 'flaky', sample: 0, status: 'flaky', reason: expect.stringContaining('passes every other run') }]);
  });

  test('--samples k gives pass@k by the unbiased estimator', async () => {
    const { root, scratch } = setup();
    // Right on sample 1 only: c = 1 of n = 3.
    const script = scratch.write('sometimes.mjs', `import { writeFileSync } from 'node:fs';
writeFileSync('sum.js', process.env.CODEWRIGHT_TASK_SAMPLE === '1' ? 'export function sum(values) {\\n  return values.reduce((a, b) => a + b, 0);\\n}\\n' : 'export function sum(values) {\\n  return 0;\\n}\\n');
`);
    const { summary } = await bench(root, [inlineTasks()[0]!], `node ${script}`, { samples: 3, workers: 3 });
    const task = summary.tasks[0]!;
    expect([task.counted, task.passed, task.status]).toEqual([3, 1, 'partial']);
    expect(task.passAtK['pass@1']).toBeCloseTo(1 / 3, 12);
    expect(task.passAtK['pass@2']).toBeCloseTo(2 / 3, 12);
    expect(task.passAtK['pass@3']).toBe(1);
    expect(summary.overall.passAtK['pass@2']).toBeCloseTo(2 / 3, 12);
    expect(summary.overall.resolveRate).toBeCloseTo(1 / 3, 12);
  });
});
