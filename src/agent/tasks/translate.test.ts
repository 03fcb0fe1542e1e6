import { afterEach, describe, expect, it } from 'vitest';
import type { TaskRequest } from '../../core/task.ts';
import { createTranslateTask } from './translate.ts';
import { type CandidateFixture, candidateFixture } from './translation/testing/candidate-fixture.ts';

const task = createTranslateTask({ runs: 60 });
let current: CandidateFixture | undefined;
afterEach(() => current?.fixture.remove());

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const nodeTestPackage = JSON.stringify({ name: 'fixture', type: 'module', scripts: { test: 'node --test' } });

const javascriptSource = {
  'package.json': nodeTestPackage,
  'src/sum.js': lines(
    '/** Sum of the values at even positions. */',
    'export function sumEven(values) {',
    '  let total = 0;',
    '  for (let i = 0; i < values.length; i += 2) total += values[i];',
    '  return total;',
    '}',
    '',
    'export function clamp(value, low, high) {',
    "  if (low > high) throw new RangeError('low is above high');",
    '  return Math.min(Math.max(value, low), high);',
    '}',
  ),
  'test/sum.test.js': lines(
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { sumEven, clamp } from '../src/sum.js';",
    "test('sums even positions', () => assert.equal(sumEven([1, 2, 3, 4]), 4));",
    "test('clamps', () => assert.equal(clamp(5, 0, 3), 3));",
  ),
};

function typescriptTarget(loopEnd: string): Record<string, string> {
  return {
    'src/sum.ts': lines(
      'export function sumEven(values: number[]): number {',
      '  let total = 0;',
      `  for (let i = 0; ${loopEnd}; i += 2) total += values[i]!;`,
      '  return total;',
      '}',
      '',
      'export function clamp(value: number, low: number, high: number): number {',
      "  if (low > high) throw new RangeError('low > high');",
      '  return Math.min(Math.max(value, low), high);',
      '}',
    ),
    'src/sum.test.ts': lines(
      "import { test } from 'node:test';",
      "import assert from 'node:assert/strict';",
      "import { sumEven, clamp } from './sum.ts';",
      "test('sums even positions', () => assert.equal(sumEven([1, 2, 3]), 4));",
      "test('clamps', () => assert.equal(clamp(-1, 0, 3), 0));",
    ),
  };
}

const pythonSource = {
  'package.json': nodeTestPackage,
  'calc/__init__.py': '',
  'calc/stats.py': lines(
    'def running_total(values: list[int]) -> list[int]:',
    '    result = []',
    '    total = 0',
    '    for value in values:',
    '        total += value',
    '        result.append(total)',
    '    return result',
    '',
    '',
    'def half(n: int) -> int:',
    '    return n // 2',
  ),
  'tests/test_stats.py': lines('import unittest', 'from calc.stats import half', '', '', 'class HalfTest(unittest.TestCase):', '    def test_negative(self):', '        self.assertEqual(half(-3), -2)'),
};

function pythonTarget(halfBody: string): Record<string, string> {
  return {
    'calc/stats.ts': lines(
      'export function runningTotal(values: number[]): number[] {',
      '  let total = 0;',
      '  return values.map((value) => (total += value));',
      '}',
      '',
      `export function half(n: number): number {`,
      `  return ${halfBody};`,
      '}',
    ),
    'calc/stats.test.ts': lines(
      "import { test } from 'node:test';",
      "import assert from 'node:assert/strict';",
      "import { half, runningTotal } from './stats.ts';",
      "test('running total', () => assert.deepEqual(runningTotal([1, 2, 3]), [1, 3, 6]));",
      "test('half', () => assert.equal(half(4), 2));",
    ),
  };
}

function check(base: Record<string, string>, candidate: Record<string, string>, request: TaskRequest) {
  current = candidateFixture(base, candidate, request);
  return task.doCheckSuccess(current.input);
}

describe('translate', () => {
  it('instructs the model where to write the translation, how names map and how success is checked', () => {
    const text = task.instructions({ family: 'translate', text: 'port it', target: 'calc/stats.py', toLanguage: 'TypeScript' });
    expect(text).toContain('write `calc/stats.ts` next to it');
    expect(text).toContain('`running_total` → `runningTotal`');
    expect(text).toContain('calc/stats.test.ts');
    expect(text).toContain('at least 95% of inputs');
    expect(task.tags).toEqual({ scope: 'unit', complexity: 'medium', autonomy: 'high' });
  });

  it('passes a JavaScript to TypeScript translation that agrees on every input and whose tests pass', async () => {
    const report = await check(javascriptSource, typescriptTarget('i < values.length'), { family: 'translate', text: 'to ts', target: 'src/sum.js', toLanguage: 'typescript' });
    expect(report.summary).toMatch(/agrees with src\/sum\.js on 100% of \d+ inputs over 2 functions/);
    expect(report.passed).toBe(true);
    expect(report.measures?.agreement).toBe(1);
    expect(report.measures?.inputs).toBeGreaterThan(60);
    expect(report.details).toContain('tests of the translation (src/sum.test.ts): pass');
  });

  it('fails an off-by-one translation and names the disagreeing input with both outcomes', async () => {
    const report = await check(javascriptSource, typescriptTarget('i <= values.length'), { family: 'translate', text: 'to ts', target: 'src/sum.js', toLanguage: 'typescript' });
    expect(report.passed).toBe(false);
    expect(report.summary).toContain('`sumEven` agrees with the source on fewer than 95% of inputs');
    expect(report.details).toContain('`sumEven`: for input ([1, 2, 3, 4]) the source returns 4 and the translation returns NaN');
    expect(report.measures?.agreement).toBeLessThan(0.95);
  });

  it('passes a Python to TypeScript translation with camelCase names that agrees on inputs from the type hints', async () => {
    const report = await check(pythonSource, pythonTarget('Math.floor(n / 2)'), { family: 'translate', text: 'to ts', target: 'calc/stats.py', toLanguage: 'typescript' });
    expect(report.passed).toBe(true);
    expect(report.details.some((line) => line.startsWith('`runningTotal` (from `running_total`): '))).toBe(true);
    expect(report.measures?.agreement).toBe(1);
  });

  it('fails a Python to TypeScript translation that rounds negative halves the other way, naming the input from the tests', async () => {
    const report = await check(pythonSource, pythonTarget('Math.trunc(n / 2)'), { family: 'translate', text: 'to ts', target: 'calc/stats.py', toLanguage: 'typescript' });
    expect(report.passed).toBe(false);
    expect(report.details).toContain('`half`: for input (-3) the source returns -2 and the translation returns -1');
  });

  it('passes a TypeScript to Python translation with snake_case names and unittest tests', async () => {
    const base = { 'src/text.ts': lines('export function countVowels(text: string): number {', '  let count = 0;', "  for (const letter of text) if ('aeiouAEIOU'.includes(letter)) count += 1;", '  return count;', '}') };
    const candidate = {
      'src/text.py': lines('def count_vowels(text: str) -> int:', "    return sum(1 for letter in text if letter in 'aeiouAEIOU')"),
      'src/test_text.py': lines('import unittest', 'from text import count_vowels', '', '', 'class CountTest(unittest.TestCase):', '    def test_counts(self):', "        self.assertEqual(count_vowels('banana'), 3)"),
    };
    const report = await check(base, candidate, { family: 'translate', text: 'to python', target: 'src/text.ts', toLanguage: 'python' });
    expect(report.summary).toContain('src/text.py agrees with src/text.ts on 100%');
    expect(report.passed).toBe(true);
  });

  it('stops calling a translation that never returns after three timeouts, and fails it', async () => {
    const hanging = { 'src/sum.ts': typescriptTarget('i < values.length')['src/sum.ts']!.replace('let total = 0;', 'let total = 0;\n  while (values.length >= 0) total += 0;') };
    current = candidateFixture(javascriptSource, hanging, { family: 'translate', text: 'to ts', target: 'src/sum.js', toLanguage: 'typescript' });
    const report = await createTranslateTask({ runs: 20, callTimeoutMs: 200 }).doCheckSuccess(current.input);
    expect(report.passed).toBe(false);
    expect(report.details[0]).toBe('`sumEven`: 0 of 3 inputs agree (0%); stopped after 3 of 14 inputs: the translation kept timing out');
    expect(report.details[1]).toBe('`sumEven`: for input ([1, 2, 3, 4]) the source returns 4 and the translation does not return within 200 ms');
  });

  it('fails when the translation lacks a function, saying which name it expected', async () => {
    const candidate = { 'calc/stats.ts': 'export function half(n: number): number {\n  return Math.floor(n / 2);\n}\n' };
    const report = await check(pythonSource, candidate, { family: 'translate', text: 'to ts', target: 'calc/stats.py', toLanguage: 'ts' });
    expect(report.passed).toBe(false);
    expect(report.summary).toBe('calc/stats.ts lacks 1 of the source\'s functions (`runningTotal` (from `running_total`))');
  });
});
