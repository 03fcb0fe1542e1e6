import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createFixture, type Fixture } from '../../../test/helpers/fixture.ts';
import { crossCheck, suiteOf } from './cross-check.ts';
import { rankCandidates } from '../select/rank-candidates.ts';

const project = (clamp: string) => ({
  'package.json': JSON.stringify({ name: 'demo', type: 'module', scripts: { test: 'node --test' } }),
  'src/clamp.js': `export function clamp(value, low, high) {\n  ${clamp}\n}\n`,
  'src/clamp.test.js': "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { clamp } from './clamp.js';\n\ntest('inside', () => assert.equal(clamp(5, 0, 10), 5));\n",
});

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

function workspace(id: string, clamp: string, extraTest?: string) {
  const fixture = createFixture(project(clamp), { git: true });
  fixtures.push(fixture);
  if (extraTest) fixture.write(`src/clamp-${id.toLowerCase()}.test.js`, extraTest);
  return { id, root: fixture.root, repositoryRoot: fixture.root, base: 'HEAD' };
}

describe('crossCheck', () => {
  test("each candidate's tests run on every candidate; others' passing tests are votes, and files are put back", async () => {
    const upper = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { clamp } from './clamp.js';\n\ntest('above', () => assert.equal(clamp(15, 0, 10), 10));\n";
    const right = workspace('A', 'return Math.min(Math.max(value, low), high);', upper);
    const wrong = workspace('B', 'return Math.max(value, low);');
    const suites = [suiteOf('A', right, ['src/clamp-a.test.js']), suiteOf('B', wrong, [])];
    const cells = await crossCheck([right, wrong], suites, { timeoutMs: 60_000 });
    expect(cells.map(({ candidate, author, passed, total }) => ({ candidate, author, passed, total }))).toEqual([
      { candidate: 'A', author: 'A', passed: 1, total: 1 },
      { candidate: 'B', author: 'A', passed: 0, total: 1 },
    ]);
    expect(cells[1]!.failures[0]).toMatch(/src\/clamp-a\.test\.js > above/);
    // B's worktree does not keep A's test.
    expect(() => readFileSync(join(wrong.root, 'src/clamp-a.test.js'))).toThrow();
    const ranked = rankCandidates(
      [
        { candidate: 'A', delivered: true, status: 'done' },
        { candidate: 'B', delivered: true, status: 'done' },
      ],
      cells,
    );
    expect(ranked.map((item) => item.candidate)).toEqual(['A', 'B']);
    expect(ranked[1]!.reasons).toContain('passes 0/1 tests written by other candidates');
  });
});
