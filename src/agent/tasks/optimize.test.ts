import { afterEach, describe, expect, it } from 'vitest';
import type { TaskRequest } from '../../core/task.ts';
import { createOptimizeTask } from './optimize.ts';
import { type CandidateFixture, candidateFixture } from './translation/testing/candidate-fixture.ts';

// Small repetitions keep each check to a few seconds; the defaults measure longer.
const task = createOptimizeTask({
  runs: 50,
  workload: { count: 3, size: 1000 },
  benchmark: { rounds: 20, batches: 3, minBatchMs: 4, warmupMs: 50, memoryProcesses: 2, memorySamples: 4 },
});
let current: CandidateFixture | undefined;
afterEach(() => current?.fixture.remove());

const lines = (...text: string[]) => `${text.join('\n')}\n`;

const quadratic = lines(
  '/** The values without repeats, in order of first appearance. */',
  'export function unique(values: number[]): number[] {',
  '  const result: number[] = [];',
  '  for (const value of values) if (!result.includes(value)) result.push(value);',
  '  return result;',
  '}',
);

const base = {
  'package.json': JSON.stringify({ name: 'fixture', type: 'module', scripts: { test: 'node --test' } }),
  'src/unique.ts': quadratic,
  'test/unique.test.ts': lines(
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { unique } from '../src/unique.ts';",
    "test('keeps first appearances', () => assert.deepEqual(unique([3, 1, 3, 2, 1]), [3, 1, 2]));",
  ),
};

function check(candidate: Record<string, string>, request: Partial<TaskRequest> = {}) {
  current = candidateFixture(base, candidate, { family: 'optimize', text: 'make unique faster', target: 'src/unique.ts#unique', metric: 'time', ...request });
  return task.doCheckSuccess(current.input);
}

describe('optimize', () => {
  it('instructs the model to measure first, keep behaviour and signature, and says how success is checked', () => {
    const text = task.instructions({ family: 'optimize', text: 'faster', target: 'src/unique.ts#unique', metric: 'time' });
    expect(text).toContain('Measure first');
    expect(text).toContain('Keep its name, parameters and return type');
    expect(text).toContain('any difference rejects the change');
    expect(text).toContain('at least 5% faster');
    expect(text).toContain('p < 0.05');
    expect(task.tags).toEqual({ scope: 'function', complexity: 'high', autonomy: 'high' });
  });

  it('passes a candidate that replaces the quadratic scan by a set, with a significant speed-up', async () => {
    const linear = lines(
      'export function unique(values: number[]): number[] {',
      '  const seen = new Set<number>();',
      '  const result: number[] = [];',
      '  for (const value of values) {',
      '    if (seen.has(value)) continue;',
      '    seen.add(value);',
      '    result.push(value);',
      '  }',
      '  return result;',
      '}',
    );
    const report = await check({ 'src/unique.ts': linear }, { target: 'unique' });
    expect(report.summary).toMatch(/^`unique` keeps its behaviour and improves: speed-up/);
    expect(report.passed).toBe(true);
    expect(report.measures?.speedup).toBeGreaterThan(1);
    expect(report.measures?.pValue).toBeLessThan(0.05);
    expect(report.details[0]).toMatch(/^behaviour: the same on \d+ inputs/);
  });

  it('rejects a faster candidate that changes behaviour, naming the input and both outcomes', async () => {
    const sorted = lines('export function unique(values: number[]): number[] {', '  return [...new Set(values)].sort((left, right) => left - right);', '}');
    const report = await check({ 'src/unique.ts': sorted });
    expect(report.passed).toBe(false);
    expect(report.summary).toBe('rejected: `unique` behaves differently from the base, so its speed does not count');
    // The first difference is shrunk: the smallest list whose first appearances are out of order.
    expect(report.details).toEqual(['for input ([3, 1]) the base returns [3, 1] and the candidate returns [1, 3]']);
    expect(report.measures).toBeUndefined();
  });

  it('fails a candidate with no real change: the benchmark finds no significant improvement', async () => {
    const renamed = quadratic.replaceAll('result', 'kept').replace('The values without repeats', 'Values without duplicates');
    const report = await check({ 'src/unique.ts': renamed });
    expect(report.passed).toBe(false);
    expect(report.summary).toMatch(/^`unique` keeps its behaviour but (the difference in time is not significant|the speed-up .* is below 1\.05×)/);
    expect(report.measures?.pValue).toBeGreaterThanOrEqual(0);
  });

  it('passes a candidate that allocates less when the metric is memory', async () => {
    const allocating = lines('export function total(values: number[]): number {', '  return values.map((value) => value * 2).filter((value) => value > 0).reduce((sum, value) => sum + value, 0);', '}');
    const looping = lines('export function total(values: number[]): number {', '  let sum = 0;', '  for (const value of values) if (value * 2 > 0) sum += value * 2;', '  return sum;', '}');
    current = candidateFixture({ ...base, 'src/total.ts': allocating }, { 'src/total.ts': looping }, { family: 'optimize', text: 'less memory', target: 'src/total.ts#total', metric: 'memory' });
    const report = await task.doCheckSuccess(current.input);
    expect(report.summary).toMatch(/^`total` keeps its behaviour and improves: memory \d+% of the base/);
    expect(report.passed).toBe(true);
    expect(report.measures?.memoryRatio).toBeLessThan(0.95);
    expect(report.measures?.pValue).toBeLessThan(0.05);
  });

  it('fails with a reason when the named function does not exist', async () => {
    const report = await check({}, { target: 'src/unique.ts#distinct' });
    expect(report).toMatchObject({ passed: false, summary: 'src/unique.ts does not export a function `distinct`' });
  });
});
