import { afterEach, describe, expect, test } from 'vitest';
import { duplicatedLines, fileComplexity } from '../../../src/bench/mine/index.ts';
import { touchedExports } from '../../../src/bench/mine/touched-exports.ts';
import { parseDiff } from '../../../src/evidence/change/parse-diff.ts';
import { createFixture, type Fixture } from '../../helpers/fixture.ts';

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

describe('complexity and duplication', () => {
  test('counts one per function and one per decision point', () => {
    const source = [
      'export function grade(score: number): string {',
      "  if (score > 90 && score <= 100) return 'A';",
      "  for (const cut of [80, 70]) if (score > cut) return cut === 80 ? 'B' : 'C';",
      "  try { return String(score ?? 0); } catch { return '?'; }",
      '}',
      'const twice = (x: number) => x * 2;',
      'switch (twice(1)) { case 2: break; default: break; }',
    ].join('\n');
    // Functions: grade, the arrow (2). Decisions: if, &&, for, if, ?:, ??, catch, case (8).
    expect(fileComplexity('grade.ts', source)).toBe(10);
    expect(fileComplexity('notes.md', source)).toBeUndefined();
  });

  test('counts lines in repeated windows of four meaningful lines, across files', () => {
    const block = 'const a = read(x);\nconst b = a.trim();\n\n// a comment\nif (b) {\n  write(b);\n}\n';
    expect(duplicatedLines(new Map([['one.js', block], ['two.js', `${block}done();\n`]]))).toBe(8);
    expect(duplicatedLines(new Map([['one.js', block]]))).toBe(0);
  });
});

describe('touched exports', () => {
  test('names the exported functions whose lines a change edits, in ES modules and CommonJS', () => {
    fixture = createFixture({
      'esm.js': 'export function first(a) {\n  return a + 1;\n}\n\nexport function second(b) {\n  return b * 2;\n}\n',
      'cjs.js': "'use strict'\nconst helper = (x) => x\nconst main = (v) => {\n  return helper(v) + 1\n}\nmodule.exports = main\nmodule.exports.other = function (y) {\n  return y\n}\n",
    });
    const patch = [
      'diff --git a/esm.js b/esm.js', '--- a/esm.js', '+++ b/esm.js', '@@ -5,3 +5,3 @@', ' export function second(b) {', '-  return b + b;', '+  return b * 2;', ' }',
      'diff --git a/cjs.js b/cjs.js', '--- a/cjs.js', '+++ b/cjs.js', '@@ -3,3 +3,3 @@', ' const main = (v) => {', '-  return helper(v)+1', '+  return helper(v) + 1', ' }', '',
    ].join('\n');
    const change = parseDiff(patch);
    expect(change.success && touchedExports(fixture.root, change.value)).toEqual(['esm.js#second', 'cjs.js#module.exports']);
  });
});
