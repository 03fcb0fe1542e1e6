import { describe, expect, test } from 'vitest';
import { createOutcomeCollector } from './outcome-collector.ts';
import { parseJestJson } from './parse-jest-json.ts';
import { parseMochaJson } from './parse-mocha-json.ts';

describe('parseJestJson (jest --json, vitest --reporter=json)', () => {
  test('reads tests with their suites, and a file that failed outside any test', () => {
    const report = {
      testResults: [
        {
          name: '/repo/test/a.test.ts',
          status: 'failed',
          message: '',
          assertionResults: [
            { ancestorTitles: ['cart'], title: 'adds', status: 'passed', failureMessages: [] },
            { ancestorTitles: ['cart'], title: 'removes', status: 'failed', failureMessages: ['Error: expect(received).toBe(expected)\n\nExpected: 1\n    at Object.<anonymous> (a.test.ts:3:1)'] },
            { ancestorTitles: [], title: 'later', status: 'todo', failureMessages: [] },
          ],
        },
        { name: '/repo/test/b.test.ts', status: 'failed', message: "Cannot find module './gone' from 'test/b.test.ts'", assertionResults: [] },
      ],
    };
    const collector = createOutcomeCollector();
    expect(parseJestJson(JSON.stringify(report), '/repo', collector)).toBe(true);
    expect(collector.finish()).toEqual([
      { file: 'test/a.test.ts', name: 'cart > adds', status: 'pass' },
      { file: 'test/a.test.ts', name: 'cart > removes', status: 'fail', message: 'Error: expect(received).toBe(expected)\nExpected: 1' },
      { file: 'test/a.test.ts', name: 'later', status: 'skip' },
      { file: 'test/b.test.ts', name: '(file)', status: 'fail', message: "Cannot find module './gone' from 'test/b.test.ts'" },
    ]);
  });

  test('text that is not a report is refused', () => {
    expect(parseJestJson('Error: config invalid', '/repo', createOutcomeCollector())).toBe(false);
  });
});

describe('parseMochaJson', () => {
  test('reads passes, failures and pending tests, after whatever the tests printed', () => {
    const report = {
      stats: { tests: 3 },
      passes: [{ title: 'adds', fullTitle: 'cart adds', file: '/repo/test/cart.spec.js' }],
      failures: [{ title: 'removes', fullTitle: 'cart removes', file: '/repo/test/cart.spec.js', err: { message: 'expected 2 to equal 1' } }],
      pending: [{ title: 'later', fullTitle: 'cart later', file: '/repo/test/cart.spec.js' }],
    };
    const collector = createOutcomeCollector();
    expect(parseMochaJson(`log line from a test\n${JSON.stringify(report, null, 2)}`, '/repo', collector)).toBe(true);
    expect(collector.finish()).toEqual([
      { file: 'test/cart.spec.js', name: 'cart adds', status: 'pass' },
      { file: 'test/cart.spec.js', name: 'cart removes', status: 'fail', message: 'expected 2 to equal 1' },
      { file: 'test/cart.spec.js', name: 'cart later', status: 'skip' },
    ]);
  });
});
