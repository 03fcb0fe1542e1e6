import { afterEach, describe, expect, test } from 'vitest';
import { mineRepository } from '../../../src/bench/mine/index.ts';
import { createFixture, type Fixture } from '../../helpers/fixture.ts';

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

const testFile = (body: string) => `import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { pad } from '../src/pad.js';\n\n${body}`;

/** A library with one fix commit whose new test fails before and passes after, and the given package.json. */
function library(manifest: Record<string, unknown>, installed: Record<string, string> = {}): { fix: string } {
  fixture = createFixture(
    {
      'package.json': JSON.stringify({ name: 'pad', type: 'module', ...manifest }),
      '.gitignore': 'node_modules/\n',
      'src/pad.js': "export function pad(text, width) {\n  return text.padStart(width - 1);\n}\n",
      'test/pad.test.js': testFile("test('keeps long text', () => {\n  assert.equal(pad('abc', 2), 'abc');\n});\n"),
    },
    { git: true },
  );
  for (const [name, version] of Object.entries(installed)) fixture.write(`node_modules/${name}/package.json`, JSON.stringify({ name, version }));
  fixture.write('src/pad.js', "export function pad(text, width) {\n  return text.padStart(width);\n}\n");
  fixture.write('test/pad.test.js', testFile("test('keeps long text', () => {\n  assert.equal(pad('abc', 2), 'abc');\n});\n\ntest('pads to the width', () => {\n  assert.equal(pad('a', 3), '  a');\n});\n"));
  return { fix: fixture.commit('fix: pad to the full width') };
}

describe('mining where the environment does not fit', () => {
  test('rejects a commit whose declared dependencies are not the installed ones, naming them', async () => {
    const { fix } = library({ scripts: { test: 'node --test test/' }, dependencies: { 'left-pad': '^1.3.0' } }, { 'left-pad': '2.0.0' });
    const mined = await mineRepository(fixture!.root, { kinds: ['fix'] });
    expect(mined.tasks).toEqual([]);
    expect(mined.rejected).toEqual([{
      commit: fix,
      kind: 'fix',
      reason: "the installed dependencies do not match the commit's package.json: left-pad ^1.3.0 (2.0.0 installed); install that commit's dependencies to mine it",
    }]);
  });

  test('rejects a commit whose test runner is not installed, saying what to run', async () => {
    const { fix } = library({ scripts: { test: 'vitest run' }, devDependencies: { vitest: '^3.0.0' } });
    const mined = await mineRepository(fixture!.root, { kinds: ['fix'] });
    expect(mined.rejected).toEqual([{ commit: fix, kind: 'fix', reason: expect.stringMatching(/^vitest is the test runner .* not installed: run npm install$/) }]);
  });

  test('keeps the same commit when the installed dependency fits', async () => {
    library({ scripts: { test: 'node --test test/' }, dependencies: { 'left-pad': '^1.3.0' } }, { 'left-pad': '1.3.0' });
    const mined = await mineRepository(fixture!.root, { kinds: ['fix'] });
    expect(mined.rejected).toEqual([]);
    expect(mined.tasks.map((task) => task.scoring.failToPass)).toEqual([['test/pad.test.js']]);
  });
});
