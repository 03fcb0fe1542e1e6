import { afterEach, describe, expect, it } from 'vitest';
import { createDifferentialProvider } from './provider.ts';
import { contextFor, makeWorktrees, type Worktrees } from './testing/worktrees.ts';

const made: Worktrees[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((worktrees) => worktrees.cleanup()));
});

describe('differential testing of TypeScript that imports its sources with `.js` specifiers', () => {
  it('loads `./b.js` from `b.ts` in both versions and reports the changed result', async () => {
    const helper = 'export function double(value: number): number {\n  return value * 2;\n}\n';
    const base = "import { double } from './b.js';\n\nexport function large(value: number): boolean {\n  return double(value) > 10;\n}\n";
    const trees = await makeWorktrees({ 'package.json': '{ "type": "module" }\n', 'src/a.ts': base, 'src/b.ts': helper }, { 'src/a.ts': base.replace('> 10', '>= 10') });
    made.push(trees);
    const [evidence] = await createDifferentialProvider().doCheck(contextFor(trees, [{ path: 'src/a.ts', name: 'large', startLine: 3, endLine: 5 }], 'fix'));
    expect(evidence).toMatchObject({ status: 'warn', hunks: ['src/a.ts#0'] });
    expect(evidence!.message).toBe('behaviour change to review: `large` for input (5) base returns false and the change returns true');
  });
});
