import { describe, expect, test } from 'vitest';
import type { Evidence, Hunk } from '../../core/change.ts';
import { decideVerdict, exitCodeFor } from './rules.ts';

const hunk: Hunk = { id: 'src/a.ts#0', path: 'src/a.ts', oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, header: '', lines: [] };
const item = (kind: Evidence['kind'], status: Evidence['status'], message: string): Evidence => ({ kind, status, message, hunks: [hunk.id] });

describe('decideVerdict', () => {
  test('a newly failing test makes the hunk broken, before anything else', () => {
    const result = decideVerdict(hunk, [item('api', 'fail', 'calls missing()'), item('tests', 'fail', 'test x fails after the change')]);
    expect(result).toEqual({ verdict: 'broken', reason: 'test x fails after the change' });
  });

  test('an unresolved API is suspicious', () => {
    expect(decideVerdict(hunk, [item('tests', 'pass', 'covered by 2 tests that pass'), item('api', 'fail', 'calls z.foo()')])).toEqual({
      verdict: 'suspicious',
      reason: 'calls z.foo()',
    });
  });

  test('passing tests, covered lines and killed mutants verify the hunk', () => {
    const result = decideVerdict(hunk, [
      item('tests', 'pass', 'covered by 3 tests that pass'),
      item('coverage', 'pass', 'lines 1-1 executed by tests'),
      item('mutation', 'pass', '6 of 6 mutants killed'),
    ]);
    expect(result).toEqual({ verdict: 'verified', reason: 'covered by 3 tests that pass, lines 1-1 executed by tests, 6 of 6 mutants killed' });
  });

  test('a fix that no test demonstrates is unverified even with covered lines and killed mutants', () => {
    const undemonstrated = { ...item('tests', 'warn', 'no test shows what this fix changes: the 1 test that reaches it passes before and after the change; add a test that fails without it'), data: { undemonstrated: true } };
    const result = decideVerdict(hunk, [item('tests', 'pass', 'covered by 1 test that passes'), undemonstrated, item('coverage', 'pass', 'line 1 executed by tests'), item('mutation', 'pass', '2 of 2 mutants killed')]);
    expect(result).toEqual({ verdict: 'unverified', reason: undemonstrated.message });
  });

  test('surviving mutants leave the hunk likely, and say which', () => {
    const result = decideVerdict(hunk, [
      item('tests', 'pass', 'covered by 1 test that passes'),
      item('coverage', 'pass', 'lines 1-1 executed by tests'),
      { ...item('mutation', 'warn', '1 of 3 mutants survived: line 1 `<` -> `<=`'), data: { killed: 2, survived: 1 } },
    ]);
    expect(result.verdict).toBe('likely');
    expect(result.reason).toMatch(/but 1 of 3 mutants survived/);
  });

  test('covered lines without mutants are likely, and the reason says why no mutant ran', () => {
    const evidence = [item('tests', 'pass', 'covered by 1 test that passes'), item('coverage', 'pass', 'line 1 executed by tests')];
    expect(decideVerdict(hunk, [...evidence, item('mutation', 'unavailable', 'nothing to mutate on the changed lines')])).toEqual({
      verdict: 'likely',
      reason: 'covered by 1 test that passes, line 1 executed by tests; but mutation testing did not run (nothing to mutate on the changed lines)',
    });
    expect(decideVerdict(hunk, evidence).reason).toBe('covered by 1 test that passes, line 1 executed by tests; but mutation testing did not run');
  });

  test('executed lines whose every mutant survives are unverified: nothing checks them', () => {
    const result = decideVerdict(hunk, [
      item('tests', 'pass', 'covered by 4 tests that pass'),
      item('coverage', 'pass', 'line 1 executed by tests'),
      { ...item('mutation', 'warn', '2 of 2 mutants survived: line 1 `&&` -> `||`; line 1 `0` -> `1`'), data: { killed: 0, survived: 2 } },
    ]);
    expect(result).toEqual({ verdict: 'unverified', reason: 'no test checks what these lines do: tests execute them, but 2 of 2 mutants survived: line 1 `&&` -> `||`; line 1 `0` -> `1`' });
  });

  test('uncovered lines leave the hunk unverified with the lines named', () => {
    const result = decideVerdict(hunk, [item('tests', 'pass', 'covered by 1 test'), item('coverage', 'warn', 'no test executes lines 40-52')]);
    expect(result).toEqual({ verdict: 'unverified', reason: 'no test executes lines 40-52' });
  });

  test('identical behaviour on generated inputs without tests is likely', () => {
    expect(decideVerdict(hunk, [item('differential', 'pass', '500 generated inputs behave as before')]).verdict).toBe('likely');
  });

  test('non-code files are unverified, not failed', () => {
    expect(decideVerdict({ ...hunk, path: 'README.md' }, []).verdict).toBe('unverified');
  });
});

test('exit code: 1 when any verdict is at or below the threshold', () => {
  expect(exitCodeFor(['verified', 'likely'])).toBe(0);
  expect(exitCodeFor(['verified', 'suspicious'])).toBe(1);
  expect(exitCodeFor(['unverified'])).toBe(0);
  expect(exitCodeFor(['unverified'], 'unverified')).toBe(1);
});
