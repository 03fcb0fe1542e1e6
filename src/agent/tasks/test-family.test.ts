import { afterEach, describe, expect, it } from 'vitest';
import { createTestTask, testTask } from './test-family.ts';
import { locateTarget } from './test-family-target.ts';
import { type CandidateFixture, candidateFixture } from './translation/testing/candidate-fixture.ts';

let current: CandidateFixture | undefined;
afterEach(() => current?.fixture.remove());

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const task = createTestTask({ maxMutants: 12 });
const request = { family: 'test' as const, text: 'Write tests for grade', target: 'grade' };

const base = {
  'package.json': JSON.stringify({ name: 'fixture', type: 'module', scripts: { test: 'node --test' } }),
  'src/grade.js': lines(
    'export function grade(score) {',
    "  if (score < 0 || score > 100) throw new RangeError('score out of range');",
    "  if (score >= 90) return 'A';",
    "  if (score >= 50) return 'pass';",
    "  return 'fail';",
    '}',
    '',
    'export function unrelated(a, b) {',
    '  return a * b + 1;',
    '}',
  ),
  'calc/grade.py': lines('class Grader:', '    def grade(self, score):', '        return score >= 50', '', 'def other():', '    return 1'),
};

const testFile = (...cases: string[]) => ({
  'test/grade.test.js': lines("import { test } from 'node:test';", "import assert from 'node:assert/strict';", "import { grade } from '../src/grade.js';", ...cases),
});

const thorough = testFile(
  "test('boundaries', () => { assert.equal(grade(90), 'A'); assert.equal(grade(89), 'pass'); assert.equal(grade(50), 'pass'); assert.equal(grade(49), 'fail'); });",
  "test('range', () => { assert.throws(() => grade(-1), RangeError); assert.throws(() => grade(101), RangeError); assert.equal(grade(0), 'fail'); assert.equal(grade(100), 'A'); });",
);

describe('test', () => {
  it('asks for new test files only, edge cases, and tests that kill mutants', () => {
    const text = testTask.instructions(request);
    expect(text).toContain('Add or change test files only');
    expect(text).toContain('every branch and boundary');
    expect(text).toContain('Aim to kill mutants');
    expect(text).toContain('at least 50% of the mutants');
    expect(testTask).toMatchObject({ family: 'test', tags: { scope: 'unit', complexity: 'medium', autonomy: 'high' }, changesCode: true });
  });

  it('finds a symbol by name, by path and name, as a method, and a whole file', async () => {
    current = candidateFixture(base, {}, request);
    const root = current.fixture.root;
    expect(await locateTarget(root, 'grade', 10_000)).toEqual([
      { path: 'calc/grade.py', name: 'Grader.grade', start: 2, end: 3 },
      { path: 'src/grade.js', name: 'grade', start: 1, end: 6 },
    ]);
    expect(await locateTarget(root, 'src/grade.js#unrelated', 10_000)).toEqual([{ path: 'src/grade.js', name: 'unrelated', start: 8, end: 10 }]);
    expect(await locateTarget(root, 'Grader.grade', 10_000)).toEqual([{ path: 'calc/grade.py', name: 'Grader.grade', start: 2, end: 3 }]);
    expect(await locateTarget(root, 'calc/grade.py', 10_000)).toEqual([{ path: 'calc/grade.py', name: 'calc/grade.py', start: 1, end: 7 }]);
  });

  it('passes thorough tests and reports their mutation score on the target', async () => {
    current = candidateFixture(base, thorough, request);
    const report = await task.doCheckSuccess(current.input);
    expect(report.passed).toBe(true);
    expect(report.measures?.mutationScore).toBeGreaterThanOrEqual(0.9);
    expect(report.summary).toMatch(/^the new tests pass and kill \d+% of the mutants of `grade`$/);
    expect(report.details[0]).toBe('target: src/grade.js:1-6');
    expect(report.details).toContain('test/grade.test.js: passes');
  });

  it('fails a test that passes but checks too little, and lists surviving mutants', async () => {
    current = candidateFixture(base, testFile("test('grades', () => { assert.equal(typeof grade(95), 'string'); });"), request);
    const report = await task.doCheckSuccess(current.input);
    expect(report.passed).toBe(false);
    expect(report.measures?.mutationScore).toBeLessThan(0.5);
    expect(report.summary).toMatch(/^the new tests pass but kill only \d+% of the mutants of `grade` \(at least 50% needed\)$/);
    expect(report.details.some((line) => line.startsWith('survived: src/grade.js line '))).toBe(true);
  });

  it('fails when the change touches code under test, or its tests fail', async () => {
    current = candidateFixture(base, { ...thorough, 'src/grade.js': base['src/grade.js'].replace('>= 90', '>= 91') }, request);
    expect((await task.doCheckSuccess(current.input)).summary).toBe('the change touches files that are not tests: src/grade.js');
    current.fixture.remove();
    current = candidateFixture(base, testFile("test('grades', () => assert.equal(grade(95), 'B'));"), request);
    const report = await task.doCheckSuccess(current.input);
    expect(report).toMatchObject({ passed: false, summary: 'the new tests fail: test/grade.test.js' });
  });
});
