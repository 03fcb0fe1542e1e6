import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeMutants } from './make-mutants.ts';
import { createMutationProvider } from './provider.ts';
import { runMutant } from './run-mutant.ts';
import { addedHunk, makeWorktree, mutationContext, nodeTestHooks } from './testing/fixture.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function worktree(files: Record<string, string>): Promise<string> {
  const made = await makeWorktree(files);
  cleanups.push(made.cleanup);
  return made.dir;
}

const grade = "export function grade(score: number): string {\n  if (score >= 90) return 'A';\n  if (score >= 75) return 'B';\n  return 'C';\n}\n";
const gradeTest = [
  "import { test } from 'node:test';",
  "import assert from 'node:assert/strict';",
  "import { grade } from '../src/grade.ts';",
  "test('grade boundaries', () => {",
  "  for (const [score, expected] of [[100, 'A'], [90, 'A'], [89, 'B'], [75, 'B'], [74, 'C'], [0, 'C']] as const) assert.equal(grade(score), expected);",
  '});',
  '',
].join('\n');

const discount = [
  'export function discount(total: number, member: boolean): number {',
  '  if (total > 100 && member) {',
  '    return total * 0.9;',
  '  }',
  '  record(total);',
  '  return total;',
  '}',
  'function record(_value: number): void {}',
  '',
].join('\n');
const discountTest = [
  "import { test } from 'node:test';",
  "import assert from 'node:assert/strict';",
  "import { discount } from '../src/discount.ts';",
  "test('members get 10% off big orders', () => {",
  '  assert.equal(discount(200, true), 180);',
  '  assert.equal(discount(50, false), 50);',
  '});',
  '',
].join('\n');

describe('mutation provider', () => {
  it('is unavailable without a test runner', async () => {
    const dir = await worktree({ 'src/grade.ts': grade });
    const evidence = await createMutationProvider().doCheck(mutationContext(dir, [addedHunk('src/grade.ts', grade, 2, 4)]));
    expect(evidence).toEqual([{ kind: 'mutation', status: 'unavailable', message: 'no test runner to run mutants against', hunks: ['src/grade.ts#0'] }]);
  });

  it('kills every mutant of a well-tested function and restores the file byte for byte after each', async () => {
    const dir = await worktree({ 'src/grade.ts': grade, 'test/grade.test.ts': gradeTest });
    const file = path.join(dir, 'src/grade.ts');
    const seen: string[] = [];
    const hooks = nodeTestHooks({ 'src/grade.ts': ['test/grade.test.ts'] }, () => seen.push(readFileSync(file, 'utf8')));
    const hunk = addedHunk('src/grade.ts', grade, 2, 4);
    const { mutants } = await makeMutants(dir, [hunk]);
    const [evidence] = await createMutationProvider().doCheck(mutationContext(dir, [hunk], hooks));
    expect(evidence).toMatchObject({ kind: 'mutation', status: 'pass', message: `${mutants.length} of ${mutants.length} mutants killed`, hunks: [hunk.id] });
    expect(mutants.length).toBeGreaterThanOrEqual(9);
    // The first run is the baseline; each later run sees exactly one mutant on the original text (run order differs).
    expect(seen[0]).toBe(grade);
    const applied = mutants.map((mutant) => grade.slice(0, mutant.start) + mutant.replacement + grade.slice(mutant.end));
    expect(seen.slice(1).sort()).toEqual(applied.sort());
    expect(readFileSync(file, 'utf8')).toBe(grade);
  });

  it('names the mutants a weak test lets survive', async () => {
    const dir = await worktree({ 'src/discount.ts': discount, 'test/discount.test.ts': discountTest });
    const hooks = nodeTestHooks({ 'src/discount.ts': ['test/discount.test.ts'] });
    const [evidence] = await createMutationProvider().doCheck(mutationContext(dir, [addedHunk('src/discount.ts', discount, 2, 6)], hooks));
    expect(evidence!.status).toBe('warn');
    expect(evidence!.message).toMatch(/^4 of \d+ mutants survived: /);
    const survivors = evidence!.message.replace(/^.*survived: /, '').split('; ');
    expect(survivors.sort()).toEqual(['line 2 `&&` → `||`', 'line 2 `100` → `101`', 'line 2 `>` → `>=`', 'line 5 removed call `record(total)`']);
    expect(evidence!.location).toEqual({ path: 'src/discount.ts', line: 2 });
    expect(readFileSync(path.join(dir, 'src/discount.ts'), 'utf8')).toBe(discount);
  });

  it('reports hunks without covering tests and caps the mutants, spreading them over hunks', async () => {
    const dir = await worktree({ 'src/grade.ts': grade, 'src/discount.ts': discount, 'test/grade.test.ts': gradeTest });
    const hooks = nodeTestHooks({ 'src/grade.ts': ['test/grade.test.ts'] });
    const hunks = [addedHunk('src/grade.ts', grade, 2, 4, 0), addedHunk('src/discount.ts', discount, 2, 6, 1)];
    const [graded, discounted] = await createMutationProvider({ maxMutants: 4 }).doCheck(mutationContext(dir, hunks, hooks));
    expect(graded).toMatchObject({ status: 'pass', message: '2 of 2 mutants killed' });
    expect(discounted).toMatchObject({ status: 'unavailable', message: 'no test covers the changed lines to run mutants against' });
  });

  it('restores the file after a mutant that makes the tests hang, and counts the timeout as killed', async () => {
    const source = 'export function sumTo(count: number): number {\n  let total = 0;\n  for (let index = 1; index <= count; index += 1) total += index;\n  return total;\n}\n';
    const test = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { sumTo } from '../src/sum.ts';\ntest('sum', () => assert.equal(sumTo(4), 10));\n";
    const dir = await worktree({ 'src/sum.ts': source, 'test/sum.test.ts': test });
    const file = path.join(dir, 'src/sum.ts');
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const { mutants } = await makeMutants(dir, [addedHunk('src/sum.ts', source, 3, 3)]);
    const hang = mutants.find((mutant) => mutant.original === '+=' && mutant.column < 50);
    expect(hang).toMatchObject({ line: 3, replacement: '-=' });
    const result = await runMutant(dir, hang!, nodeTestHooks({ 'src/sum.ts': ['test/sum.test.ts'] }), ['test/sum.test.ts'], 1500, 0);
    expect(result.status).toBe('timeout');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBeCloseTo(mtime, -1);
  });

  it('restores the file when the test runner throws', async () => {
    const dir = await worktree({ 'src/grade.ts': grade });
    const { mutants } = await makeMutants(dir, [addedHunk('src/grade.ts', grade, 2, 2)]);
    const hooks = { testFilesFor: () => ['x'], runTests: () => Promise.reject(new Error('runner crashed')) };
    const result = await runMutant(dir, mutants[0]!, hooks, ['x'], 1000, 0);
    expect(result).toMatchObject({ status: 'error', details: ['runner crashed'] });
    expect(readFileSync(path.join(dir, 'src/grade.ts'), 'utf8')).toBe(grade);
  });
});
