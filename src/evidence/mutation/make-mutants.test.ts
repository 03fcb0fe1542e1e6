import { afterEach, describe, expect, it } from 'vitest';
import { describeMutant } from './describe.ts';
import { hunkEvidence } from './evidence.ts';
import { makeMutants } from './make-mutants.ts';
import { selectMutants } from './select-mutants.ts';
import { addedHunk, makeWorktree } from './testing/fixture.ts';
import type { Mutant, MutantResult } from './types.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function mutantsOf(file: string, text: string, from: number, to: number): Promise<Mutant[]> {
  const made = await makeWorktree({ [file]: text });
  cleanups.push(made.cleanup);
  return (await makeMutants(made.dir, [addedHunk(file, text, from, to)])).mutants;
}

describe('makeMutants', () => {
  it('applies every operator to the changed TypeScript lines only, skipping string joins', async () => {
    const text = [
      'export function f(a: number, b: number, ok: boolean, name: string): number | string {',
      '  const sum = a + b * 2 % 7;',
      '  if (a < b && !ok) validate(a);',
      "  const label = 'x' + name;",
      '  if (a === b || a != 3) return -sum;',
      '  return ok ? sum : label.length > 0;',
      '}',
      'const total = (values: number[]): number => values.length;',
      'function validate(_value: number): void {}',
      '',
    ].join('\n');
    const mutants = await mutantsOf('src/f.ts', text, 3, 8);
    expect(mutants.map(describeMutant)).toEqual([
      'line 3 negated condition `a < b && !ok`',
      'line 3 `<` → `<=`',
      'line 3 `&&` → `||`',
      'line 3 `!ok` → `ok`',
      'line 3 removed call `validate(a)`',
      'line 5 negated condition `a === b || a != 3`',
      'line 5 `===` → `!==`',
      'line 5 `||` → `&&`',
      'line 5 `!=` → `==`',
      'line 5 `3` → `4`',
      'line 5 returns `0` instead of `-sum`',
      'line 5 `-sum` → `sum`',
      'line 6 returns `undefined` instead of `ok ? sum : label.length > 0`',
      'line 6 `>` → `>=`',
      'line 6 `0` → `1`',
      'line 8 returns `0` instead of `values.length`',
    ]);
    const removed = mutants.find((mutant) => mutant.operator === 'removed-call')!;
    expect(removed).toMatchObject({ path: 'src/f.ts', line: 3, column: 20, original: 'validate(a);', replacement: ';', hunkId: 'src/f.ts#0' });
    expect(text.slice(removed.start, removed.end)).toBe(removed.original);
  });

  it('mutates Python by tokens, leaving strings, format operators and continuation lines alone', async () => {
    const text = [
      'def total(items, rate):',
      '    s = sum(items) * rate - 1',
      '    if s > 100 and not rate:',
      '        log.info("a - b", "%d" % s)',
      '    return s >= 0 or True',
      '    x = f(a,',
      '          g(b))',
      '',
    ].join('\n');
    const mutants = await mutantsOf('app/total.py', text, 2, 7);
    expect(mutants.map(describeMutant)).toEqual([
      'line 2 `*` → `/`',
      'line 2 `-` → `+`',
      'line 2 `1` → `2`',
      'line 3 negated condition `s > 100 and not rate`',
      'line 3 `>` → `>=`',
      'line 3 `100` → `101`',
      'line 3 `and` → `or`',
      'line 3 removed `not`',
      'line 4 removed call `log.info("a - b", "%d" % s)`',
      'line 5 returns `not (s >= 0 or True)` instead of `s >= 0 or True`',
      'line 5 `>=` → `>`',
      'line 5 `0` → `1`',
      'line 5 `or` → `and`',
      'line 5 `True` → `False`',
    ]);
  });

  it('does not mutate test files or languages it cannot parse', async () => {
    const made = await makeWorktree({ 'test/a.test.ts': 'export const a = 1 + 2;\n', 'main.go': 'package main\n' });
    cleanups.push(made.cleanup);
    const result = await makeMutants(made.dir, [addedHunk('test/a.test.ts', 'export const a = 1 + 2;\n', 1, 1, 0), addedHunk('main.go', 'package main\n', 1, 1, 1)]);
    expect(result.mutants).toEqual([]);
    expect([...result.reasons]).toEqual([
      ['test/a.test.ts#0', 'test code is not mutated'],
      ['main.go#1', 'mutation testing covers TypeScript, JavaScript and Python'],
    ]);
  });
});

describe('selectMutants', () => {
  const mutant = (hunkId: string, line: number, operator: Mutant['operator']): Mutant => ({
    id: `${hunkId}:${line}:${operator}`,
    path: 'a.ts',
    line,
    column: 0,
    start: 0,
    end: 1,
    operator,
    original: 'x',
    replacement: 'y',
    hunkId,
  });

  it('takes hunks in turn, and within a hunk one operator after another, decisions first', () => {
    const mutants = [
      mutant('h1', 1, 'off-by-one'),
      mutant('h1', 2, 'off-by-one'),
      mutant('h1', 3, 'boundary'),
      mutant('h1', 4, 'removed-call'),
      mutant('h2', 9, 'arithmetic'),
    ];
    expect(selectMutants(mutants, 4).map((item) => item.id)).toEqual(['h1:3:boundary', 'h2:9:arithmetic', 'h1:4:removed-call', 'h1:1:off-by-one']);
  });
});

describe('hunkEvidence', () => {
  const hunk = addedHunk('a.ts', 'x\n', 1, 1);
  const result = (line: number, status: MutantResult['status']): MutantResult => ({
    mutant: { id: `a.ts:${line}`, path: 'a.ts', line, column: 2, start: 0, end: 1, operator: 'boundary', original: '<', replacement: '<=', hunkId: hunk.id },
    status,
    testFiles: status === 'no-tests' ? [] : ['a.test.ts'],
    details: [],
    milliseconds: 1,
  });

  it('counts timeouts as killed and says which mutants could not be judged', () => {
    const evidence = hunkEvidence(hunk, [result(1, 'killed'), result(2, 'timeout'), result(3, 'no-tests')], 3, undefined, 30);
    expect(evidence).toMatchObject({ status: 'pass', message: '2 of 2 mutants killed (1 more not judged: no test covers the changed lines to run mutants against)' });
  });

  it('explains hunks the cap left out and hunks with nothing to mutate', () => {
    expect(hunkEvidence(hunk, [], 4, undefined, 30).message).toBe('not mutated: the cap of 30 mutants went to other hunks');
    expect(hunkEvidence(hunk, [], 0, undefined, 30).message).toBe('nothing to mutate on the changed lines');
    expect(hunkEvidence(hunk, [result(1, 'survived')], 1, undefined, 30)).toMatchObject({ status: 'warn', message: '1 of 1 mutant survived: line 1 `<` → `<=`', location: { path: 'a.ts', line: 1 } });
  });
});
