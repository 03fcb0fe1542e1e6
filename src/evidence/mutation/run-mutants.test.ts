import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMutants } from './run-mutants.ts';
import type { Mutant, MutationTestHooks } from './types.ts';

const source = 'export const limit = (x) => x < 10;\n';

function mutant(index: number): Mutant {
  const start = source.indexOf('<');
  return { id: `a.js:1:${start}:${index}`, path: 'a.js', line: 1, column: start, start, end: start + 1, operator: 'boundary', original: '<', replacement: index % 2 ? '<=' : '>', hunkId: 'a.js#0' };
}

describe('runMutants time budget', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'codewright-mutants-'));
    writeFileSync(join(dir, 'a.js'), source);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stops starting mutants once it has spent the budget, a multiple of the baseline run, and restores the file', async () => {
    const runs: string[] = [];
    let clock = 1_000;
    const hooks: MutationTestHooks = {
      testFilesFor: () => ['a.test.js'],
      async runTests(where) {
        runs.push(readFileSync(join(where, 'a.js'), 'utf8'));
        clock += 120; // each run of the covering tests takes 120 ms on this clock
        return { passed: runs.length === 1, timedOut: false, failures: runs.length === 1 ? [] : ['a.test.js > limit'] };
      },
    };
    const results = await runMutants([mutant(0), mutant(1), mutant(2), mutant(3)], {
      dir,
      hooks,
      maxTimeoutMs: 10_000,
      deadline: 1_000 + 60_000,
      budgetFactor: 2,
      minimumBudgetMs: 0,
      now: () => clock,
    });
    // Baseline 120 ms, budget 240 ms: mutants start at 120 and 240 ms; at 360 ms the budget is spent.
    expect(results.map((result) => result.status)).toEqual(['killed', 'killed', 'skipped', 'skipped']);
    expect(runs).toHaveLength(3);
    expect(readFileSync(join(dir, 'a.js'), 'utf8')).toBe(source);
  });
});
