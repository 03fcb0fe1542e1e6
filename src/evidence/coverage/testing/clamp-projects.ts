/** Fixture sources for coverage tests: a clamp function whose change adds an `if` one test never enters. */

/** Base TypeScript: a range type and a clamp that ignores it. */
export const clampBase = ['export interface Range { low: number; high: number }', '', 'export function clamp(value: number, range: Range): number {', '  return value;', '}', ''].join('\n');

/**
 * The change: lines 1-4 are a type (never execute), 7 is a comment, 8 runs, 9 does not (the test clamps from
 * above), 10 is a brace, 11 runs.
 */
export const clampChange = [
  'export interface Range {',
  '  low: number;',
  '  high: number;',
  '}',
  '',
  'export function clamp(value: number, range: Range): number {',
  '  // Values below the range snap to its low end.',
  '  if (value < range.low) {',
  '    return range.low;',
  '  }',
  '  return Math.min(value, range.high);',
  '}',
  '',
].join('\n');

/** A node:test project whose only test clamps from above. */
export const nodeClampProject: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'clamp', type: 'module', scripts: { test: 'node --test' } }),
  'src/clamp.ts': clampBase,
  'src/label.ts': ['export function label(value: number): string {', '  return `#${value}`;', '}', ''].join('\n'),
  'test/clamp.test.ts': [
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { clamp } from '../src/clamp.ts';",
    '',
    "test('clamps from above', () => {",
    '  assert.equal(Math.min(clamp(5, { low: 0, high: 3 }), 3), 3);',
    '});',
    '',
  ].join('\n'),
};

/** The same project under vitest. */
export const vitestClampProject: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'clamp', type: 'module', scripts: { test: 'vitest run' } }),
  'src/clamp.ts': clampBase,
  'test/clamp.test.ts': [
    "import { expect, test } from 'vitest';",
    "import { clamp } from '../src/clamp.ts';",
    '',
    "test('clamps from above', () => {",
    '  expect(Math.min(clamp(5, { low: 0, high: 3 }), 3)).toBe(3);',
    '});',
    '',
  ].join('\n'),
};

/** Python: the change adds lines 2 (comment), 3 (runs), 4 (does not run), 5 (runs). */
export const pythonClampProject: Record<string, string> = {
  'calc/__init__.py': '',
  'calc/clamp.py': ['def clamp(value, low, high):', '    return value', ''].join('\n'),
  'tests/test_clamp.py': [
    'import unittest',
    '',
    'from calc.clamp import clamp',
    '',
    '',
    'class ClampTest(unittest.TestCase):',
    '    def test_from_above(self):',
    '        self.assertEqual(min(clamp(5, 0, 3), 3), 3)',
    '',
  ].join('\n'),
};

/** The Python change. */
export const pythonClampChange = ['def clamp(value, low, high):', '    # below the range', '    if value < low:', '        return low', '    return min(value, high)', ''].join('\n');
