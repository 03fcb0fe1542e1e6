/** A small vitest TypeScript project for tests (link /work/main/node_modules, or the repository's, at its root). */
import { fileURLToPath } from 'node:url';

/** This repository's node_modules, which has vitest. */
export const repositoryNodeModules = fileURLToPath(new URL('../../../../node_modules', import.meta.url));

/** Files of the base revision: math <- stats <- stats.test, and greet <- greet.test. */
export const vitestProject: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'fixture', type: 'module', scripts: { test: 'vitest run' }, devDependencies: { vitest: '*' } }),
  'src/math.ts': ['export function add(a: number, b: number): number {', '  return a + b;', '}', ''].join('\n'),
  'src/stats.ts': ["import { add } from './math.ts';", '', 'export function total(values: number[]): number {', '  return values.reduce(add, 0);', '}', ''].join('\n'),
  'src/greet.ts': ['export function greet(name: string): string {', '  return `hello ${name}`;', '}', ''].join('\n'),
  'test/stats.test.ts': [
    "import { describe, expect, test } from 'vitest';",
    "import { total } from '../src/stats.ts';",
    '',
    "describe('total', () => {",
    "  test('sums values', () => {",
    '    expect(total([1, 2, 3])).toBe(6);',
    '  });',
    '});',
    '',
  ].join('\n'),
  'test/greet.test.ts': [
    "import { expect, test } from 'vitest';",
    "import { greet } from '../src/greet.ts';",
    '',
    "test('greets', () => {",
    "  expect(greet('ada')).toBe('hello ada');",
    '});',
    '',
  ].join('\n'),
};
