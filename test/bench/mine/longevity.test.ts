import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { longevityMeasure, measureLongevity, mineRepository } from '../../../src/bench/mine/index.ts';
import type { BenchTask } from '../../../src/bench/task-schema.ts';
import type { Attempt } from '../../../src/bench/types.ts';
import { createFixture, type Fixture } from '../../helpers/fixture.ts';

let fixture: Fixture;
let task: BenchTask;
let fixSha: string;

const header = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { count, words } from '../src/words.js';\n\n";
const countTest = "test('counts words', () => {\n  assert.equal(count('a b'), 2);\n});\n";
const spacesTest = "\ntest('ignores extra spaces', () => {\n  assert.deepEqual(words('  a  b '), ['a', 'b']);\n  assert.deepEqual(words(''), []);\n});\n";
const base = "export function words(text) {\n  return text.split(' ');\n}\n\nexport function count(text) {\n  return words(text).length;\n}\n";
// The fix replaces line 2 with four lines.
const fixed = base.replace("  return text.split(' ');\n", "  const trimmed = text.trim();\n  if (trimmed === '') return [];\n  const parts = trimmed.split(/\\s+/);\n  return parts;\n");
// A later commit rewrites two of those four lines into one.
const rewritten = fixed.replace('  const parts = trimmed.split(/\\s+/);\n  return parts;\n', '  return trimmed.split(/\\s+/);\n');

function attempt(patch: string): Attempt {
  return { taskId: task.id, sample: 0, agent: 'test', status: 'done', patch, answer: '', seconds: 1, inputTokens: 0, outputTokens: 0, cost: 0 };
}

/** A patch of the base made in the fixture's working tree, then undone. */
function patchOfBase(edit: (text: string) => string): string {
  fixture.git('checkout', '-q', task.source.kind === 'repository' ? task.source.baseCommit : 'HEAD', '--', 'src/words.js');
  fixture.write('src/words.js', edit(base));
  // The checkout put the base version in the index too: the diff is against the base.
  const patch = fixture.git('diff', '--', 'src/words.js');
  fixture.git('checkout', '-q', 'HEAD', '--', 'src/words.js');
  return patch;
}

beforeAll(async () => {
  fixture = createFixture({ 'package.json': JSON.stringify({ name: 'words', type: 'module', scripts: { test: 'node --test test/' } }), 'src/words.js': base, 'test/words.test.js': header + countTest }, { git: true });
  fixture.write('src/words.js', fixed);
  fixture.write('test/words.test.js', header + countTest + spacesTest);
  fixSha = fixture.commit('fix: words ignores extra spaces');
  fixture.write('src/words.js', rewritten);
  fixture.commit('refactor: return the split directly');
  const mined = await mineRepository(fixture.root, { kinds: ['fix'] });
  task = mined.tasks[0]!;
}, 120_000);
afterAll(() => fixture?.remove());

describe('bug-fix longevity of a mined fix', () => {
  test('half of the fix survives a later rewrite of two of its four lines', async () => {
    expect(task.origin?.upstreamId).toBe(fixSha);
    const measured = await measureLongevity(task, attempt(''), fixture.root);
    expect(measured).toEqual({ success: true, value: { fixLinesAdded: 4, fixLinesSurviving: 2, longevityShare: 0.5, agentOverlap: 0, agentOverlapSurviving: 0 } });
  });

  test("an agent's fix at the same place overlaps the historical fix; one elsewhere does not", async () => {
    const same = patchOfBase((text) => text.replace("  return text.split(' ');", '  return text.split(/\\s+/).filter(Boolean);'));
    const elsewhere = patchOfBase((text) => text.replace('  return words(text).length;', '  return words(text).filter(Boolean).length;'));
    const near = await measureLongevity(task, attempt(same), fixture.root);
    expect(near.success && near.value).toMatchObject({ longevityShare: 0.5, agentOverlap: 1, agentOverlapSurviving: 1 });
    const far = await measureLongevity(task, attempt(elsewhere), fixture.root);
    expect(far.success && far.value).toMatchObject({ longevityShare: 0.5, agentOverlap: 0 });
  });

  test('the bench measure accepts mined fix tasks only and reads the source repository', async () => {
    expect(longevityMeasure.accepts(task)).toBe(true);
    expect(longevityMeasure.accepts({ ...task, origin: { suite: 'swe-bench', upstreamId: 'x' } })).toBe(false);
    const measures = await longevityMeasure.doMeasure(task, attempt(task.scoring.reference ?? ''), '/nonexistent', { signal: new AbortController().signal, timeoutMs: 30_000 });
    expect(measures).toMatchObject({ fixLinesAdded: 4, longevityShare: 0.5, agentOverlap: 1 });
  });
});
