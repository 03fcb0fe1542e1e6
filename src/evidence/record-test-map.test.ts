import { existsSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../../test/helpers/fixture.ts';
import { runCheck } from './run-check.ts';
import { readTestMap, testMapPath } from './tests/test-map.ts';
import type { CheckReport } from './report/types.ts';

// `b.test.js` calls b; `a.test.js` imports b too but never calls it, so only the map can tell them apart.
const files = {
  'package.json': JSON.stringify({ name: 'mapped', type: 'module', scripts: { test: 'node --test' } }),
  'src/a.js': 'export function a(x) {\n  return x + 1;\n}\n',
  'src/b.js': 'export const unit = 2;\n\nexport function b(x) {\n  const twice = x * unit;\n  return twice;\n}\n',
  'test/a.test.js':
    "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { a } from '../src/a.js';\nimport { unit } from '../src/b.js';\n\ntest('a adds one', () => assert.equal(a(unit), 3));\n",
  'test/b.test.js': "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { b } from '../src/b.js';\n\ntest('b doubles', () => assert.equal(b(3), 6));\n",
};
const refactor = 'export const unit = 2;\n\nexport function b(x) {\n  const doubled = x * unit;\n  return doubled;\n}\n';

function testEvidence(report: CheckReport): string[] {
  return report.files.flatMap((file) => file.hunks.flatMap((hunk) => hunk.evidence.filter((item) => item.kind === 'tests').map((item) => item.message)));
}

describe('check --record-tests', () => {
  let fixture: Fixture | undefined;
  afterEach(() => fixture?.remove());

  it('records which test files execute which lines, and later checks run only those', async () => {
    fixture = createFixture(files, { git: true });
    const base = fixture.git('rev-parse', 'HEAD').trim();
    fixture.write('src/b.js', refactor);

    const withoutMap = await runCheck(fixture.root, { intent: 'refactor', kinds: ['tests'] });
    expect(withoutMap.notes).toEqual([]);

    const recording = await runCheck(fixture.root, { intent: 'refactor', kinds: ['tests'], recordTests: true });
    expect(recording.notes[0]).toMatch(/^test map recorded: node-test, 2 test files over 2 source files/);
    const map = readTestMap(fixture.root, base, 'node-test');
    expect(map?.executed['test/b.test.js']?.['src/b.js']).toEqual([[1, 1], [3, 5]]);
    // a.test.js ran b.js's module code (the export of `unit`), not b: its declaration line counts for b's callers.
    expect(map?.executed['test/a.test.js']?.['src/b.js']).toEqual([[1, 1]]);
    expect(recording.notes[1]).toBe(`tests (node-test): 1 of the 2 test files that import the changed code execute it or are changed (test map recorded at ${base.slice(0, 12)})`);

    const later = await runCheck(fixture.root, { intent: 'refactor', kinds: ['tests'] });
    expect(later.notes).toEqual([recording.notes[1]]);
    expect(testEvidence(later).join('\n')).toContain('1 test');
    expect(later.counts.suspicious + later.counts.broken).toBe(0);
  });

  it('falls back to the import graph for a hunk in a file the map did not record, and when the map is gone', async () => {
    fixture = createFixture(files, { git: true });
    const base = fixture.git('rev-parse', 'HEAD').trim();
    fixture.write('src/b.js', refactor);
    await runCheck(fixture.root, { intent: 'refactor', kinds: ['tests'], recordTests: true });
    fixture.write('src/c.js', 'export const c = 1;\n');
    fixture.write('test/c.test.js', "import { test } from 'node:test';\nimport { c } from '../src/c.js';\ntest('c', () => {});\n");
    const added = await runCheck(fixture.root, { intent: 'refactor', kinds: ['tests'] });
    expect(added.notes[0]).toMatch(/^tests \(node-test\): 2 of the 3 test files/);

    rmSync(testMapPath(fixture.root, base, 'node-test'));
    expect(existsSync(testMapPath(fixture.root, base, 'node-test'))).toBe(false);
    const unmapped = await runCheck(fixture.root, { intent: 'refactor', kinds: ['tests'] });
    expect(unmapped.notes).toEqual([]);
  });
});

describe('check --record-tests with nothing to check', () => {
  it('records the map of the base for the checks to come', async () => {
    const fixture = createFixture(files, { git: true });
    try {
      const base = fixture.git('rev-parse', 'HEAD').trim();
      const report = await runCheck(fixture.root, { recordTests: true });
      expect(report.files).toEqual([]);
      expect(report.notes[0]).toMatch(/^test map recorded: node-test, 2 test files/);
      expect(readTestMap(fixture.root, base, 'node-test')?.executed['test/b.test.js']).toBeDefined();
      expect(fixture.git('status', '--porcelain')).toBe('');
    } finally {
      fixture.remove();
    }
  });
});
