import { describe, expect, test } from 'vitest';
import { codeLines } from './executable-lines.ts';
import { executableLines } from './executable-code.ts';
import { istanbulFileCoverage } from './read-istanbul.ts';
import { formatLineRanges, lineRanges } from './line-ranges.ts';
import { v8FileCoverage } from './v8-lines.ts';

const source = ['function f(x) {', '  if (x) {', '    return 1;', '  }', '  return 2;', '}', 'f(1);', ''].join('\n');
const offset = (text: string) => source.indexOf(text);

describe('v8FileCoverage', () => {
  test('a line runs when the innermost range at its first character ran', () => {
    // V8 for f(1): the function ran once, the code after the `if` block never did.
    const functions = [
      { functionName: '', ranges: [{ startOffset: 0, endOffset: source.length, count: 1 }] },
      {
        functionName: 'f',
        ranges: [
          { startOffset: 0, endOffset: offset('f(1)') - 1, count: 1 },
          { startOffset: offset('\n  return 2'), endOffset: offset('f(1)') - 2, count: 0 },
        ],
      },
    ];
    const coverage = v8FileCoverage(source, functions, codeLines('f.js', source));
    expect([...coverage.executed]).toEqual([1, 2, 3, 7]);
    expect([...coverage.notExecuted]).toEqual([5]);
  });

  test('a function that never ran leaves its body unexecuted', () => {
    const functions = [
      { ranges: [{ startOffset: 0, endOffset: source.length, count: 1 }] },
      { functionName: 'f', ranges: [{ startOffset: 0, endOffset: offset('f(1)') - 1, count: 0 }], isBlockCoverage: false },
    ];
    const coverage = v8FileCoverage(source, functions, new Set([2, 3, 5, 7]));
    expect([...coverage.executed]).toEqual([7]);
    expect([...coverage.notExecuted]).toEqual([2, 3, 5]);
  });
});

describe('executable lines', () => {
  test('blank lines, comments, lone braces and else/try lines cannot execute', () => {
    const text = ['/**', ' * doc', ' */', 'const a = 1; // note', '', '  });', '} else {', 'try {', '/* one */', 'call();'].join('\n');
    expect([...codeLines('a.ts', text)]).toEqual([4, 10]);
  });

  test('Python comments and bare else do not count', () => {
    expect([...codeLines('a.py', ['# c', 'if x:', '    y()', 'else:', '    z()'].join('\n'))]).toEqual([2, 3, 5]);
  });

  test('TypeScript interfaces, type aliases, declare and type-only imports do not execute', async () => {
    const text = ["import type { A } from './a.ts';", 'interface B {', '  b: number;', '}', 'type C = B | A;', 'declare const d: number;', 'export const e: C = { b: 1 };'].join('\n');
    expect([...(await executableLines('a.ts', text))]).toEqual([7]);
  });
});

describe('istanbulFileCoverage', () => {
  test('classifies lines by the innermost statement spanning them', () => {
    const file = {
      statementMap: {
        '0': { start: { line: 1, column: 0 }, end: { line: 5, column: 1 } },
        '1': { start: { line: 3, column: 2 }, end: { line: 3, column: 12 } },
      },
      s: { '0': 2, '1': 0 },
    };
    const coverage = istanbulFileCoverage(file, new Set([1, 2, 3, 7]));
    expect([...coverage.executed]).toEqual([1, 2]);
    expect([...coverage.notExecuted]).toEqual([3]);
  });
});

describe('line ranges', () => {
  test('groups consecutive lines and bridges gaps that cannot execute', () => {
    expect(lineRanges([4, 5, 6, 9])).toEqual([
      [4, 6],
      [9, 9],
    ]);
    expect(lineRanges([4, 6, 9], new Set([5]))).toEqual([
      [4, 6],
      [9, 9],
    ]);
    expect(formatLineRanges([[4, 4]])).toBe('line 4');
    expect(formatLineRanges([[4, 6], [9, 9]])).toBe('lines 4-6, 9');
  });
});
