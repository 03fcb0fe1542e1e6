/** A small node:test TypeScript project for tests: math <- stats <- test, plus an unrelated module and test. */

/** Files of the base revision; `add` is correct and `legacy.test.ts` fails already. */
export const nodeProject: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'fixture', type: 'module', scripts: { test: 'node --test' } }),
  'src/math.ts': ['export function add(a: number, b: number): number {', '  return a + b;', '}', ''].join('\n'),
  'src/stats.ts': ["import { add } from './math.ts';", '', 'export function total(values: number[]): number {', '  return values.reduce(add, 0);', '}', ''].join('\n'),
  'src/greet.ts': ['export function greet(name: string): string {', '  return `hello ${name}`;', '}', ''].join('\n'),
  'src/orphan.ts': ['export const answer = 42;', ''].join('\n'),
  'test/stats.test.ts': [
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { total } from '../src/stats.ts';",
    '',
    "test('sums values', () => {",
    '  assert.equal(total([1, 2, 3]), 6);',
    '});',
    '',
  ].join('\n'),
  'test/legacy.test.ts': [
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { add } from '../src/math.ts';",
    '',
    "test('adds floats exactly', () => {",
    '  assert.equal(add(0.1, 0.2), 0.3);',
    '});',
    '',
  ].join('\n'),
  'test/greet.test.ts': [
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { greet } from '../src/greet.ts';",
    '',
    "test('greets', () => {",
    "  assert.equal(greet('ada'), 'hello ada');",
    '});',
    '',
  ].join('\n'),
};

/** `add` subtracts instead. */
export const brokenAdd = ['export function add(a: number, b: number): number {', '  return a - b;', '}', ''].join('\n');
