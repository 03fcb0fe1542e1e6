import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createSweBenchAdapter, sweBenchAdapter } from '../../../../src/bench/suites/swe-bench/index.ts';
import { createFixture, type Fixture } from '../../../helpers/fixture.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'codewright-swe-'));
  cleanups.push(() => rmSync(path, { recursive: true, force: true }));
  return path;
}

function jsonl(directory: string, name: string, lines: unknown[]): string {
  const path = join(directory, name);
  writeFileSync(path, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'));
  return path;
}

const pythonPatch = 'diff --git a/astropy/units/core.py b/astropy/units/core.py\n--- a/astropy/units/core.py\n+++ b/astropy/units/core.py\n@@ -10,1 +10,1 @@\n-        return None\n+        return self\n';
const pythonTestPatch = 'diff --git a/astropy/units/tests/test_core.py b/astropy/units/tests/test_core.py\n--- a/astropy/units/tests/test_core.py\n+++ b/astropy/units/tests/test_core.py\n@@ -1,0 +2,2 @@\n+def test_self():\n+    assert True\n';

const sweBenchRecord = {
  repo: 'astropy/astropy',
  instance_id: 'astropy__astropy-12907',
  base_commit: 'd16bfe05a744909de4b27f5875fe0d4ed41ce607',
  patch: pythonPatch,
  test_patch: pythonTestPatch,
  problem_statement: 'Modeling separability_matrix does not compute separability correctly for nested CompoundModels',
  hints_text: '',
  created_at: '2022-03-03T15:14:54Z',
  version: '4.3',
  FAIL_TO_PASS: '["astropy/units/tests/test_core.py::test_self"]',
  PASS_TO_PASS: '[]',
  environment_setup_commit: '298ccb478e6bf092953bca67a3d29dc6c35f6752',
};

describe('SWE-bench records', () => {
  test('a Python record becomes a fix task with pytest ids, a pip setup and a GitHub clone URL', async () => {
    const directory = folder();
    const loaded = await sweBenchAdapter.doLoad(jsonl(directory, 'lite.jsonl', [sweBenchRecord]), {});
    expect(loaded.problems).toEqual([]);
    expect(loaded.tasks[0]).toMatchObject({
      id: 'astropy__astropy-12907',
      family: 'fix',
      language: 'python',
      scope: 'function',
      complexity: 'low',
      source: { kind: 'repository', repository: 'https://github.com/astropy/astropy.git', baseCommit: sweBenchRecord.base_commit, setup: ['python3 -m pip install -e .'] },
      request: sweBenchRecord.problem_statement,
      scoring: {
        failToPass: ['astropy/units/tests/test_core.py::test_self'],
        passToPass: [],
        testPatch: pythonTestPatch,
        reference: pythonPatch,
        testCommand: 'python3 -m pytest -rA -p no:cacheprovider {tests}',
      },
      origin: { suite: 'swe-bench', upstreamId: 'astropy__astropy-12907' },
    });
  });

  test('names the file, line and field of every bad record and keeps the good ones, up to the limit', async () => {
    const directory = folder();
    const path = jsonl(directory, 'mixed.jsonl', [
      sweBenchRecord,
      '{not json',
      { ...sweBenchRecord, instance_id: 'no-patch', patch: undefined },
      { ...sweBenchRecord, instance_id: 'bad-list', FAIL_TO_PASS: 'tests/test_a.py' },
      { ...sweBenchRecord, instance_id: 'arrays', FAIL_TO_PASS: ['a.py::t'], PASS_TO_PASS: ['a.py::u'] },
      { ...sweBenchRecord, instance_id: 'astropy__astropy-12907' },
      { ...sweBenchRecord, instance_id: 'beyond-the-limit' },
    ]);
    const loaded = await sweBenchAdapter.doLoad(path, { limit: 2 });
    expect(loaded.tasks.map((task) => task.id)).toEqual(['astropy__astropy-12907', 'arrays']);
    expect(loaded.tasks[1]?.scoring).toMatchObject({ failToPass: ['a.py::t'], passToPass: ['a.py::u'] });
    expect(loaded.problems).toEqual([
      `${path}:2: not valid JSON (${loaded.problems[0]?.split('not valid JSON (')[1]}`,
      `${path}:3: patch: Invalid input: expected string, received undefined`,
      `${path}:4: FAIL_TO_PASS must be a list of test ids or a JSON-encoded list, e.g. ["tests/test_a.py::test_b"]`,
    ]);
    const all = await sweBenchAdapter.doLoad(path, {});
    expect(all.problems.at(-1)).toBe(`${path}:6: duplicate instance id astropy__astropy-12907; the first one is kept`);
    expect(all.tasks.map((task) => task.id)).toEqual(['astropy__astropy-12907', 'arrays', 'beyond-the-limit']);
  });
});

describe('Multi-SWE-bench records', () => {
  let mirrorRepo: Fixture | undefined;
  afterEach(() => mirrorRepo?.remove());

  const tsPatch = 'diff --git a/src/index.ts b/src/index.ts\n--- a/src/index.ts\n+++ b/src/index.ts\n@@ -1 +1 @@\n-export const a = 1;\n+export const a = 2;\n';

  function multiRecord(baseSha: string) {
    return {
      org: 'colinhacks',
      repo: 'zod',
      number: 4012,
      state: 'closed',
      title: 'fix: keep a at two',
      body: 'The PR body',
      base: { label: 'colinhacks:main', ref: 'main', sha: baseSha },
      resolved_issues: [{ number: 4000, title: 'a should be 2', body: 'It is 1 in v3.' }],
      fix_patch: tsPatch,
      test_patch: 'diff --git a/test/a.test.ts b/test/a.test.ts\n--- a/test/a.test.ts\n+++ b/test/a.test.ts\n@@ -1 +1 @@\n-x\n+y\n',
      fixed_tests: { 'test/a.test.ts': { run: 'PASS', test: 'FAIL', fix: 'PASS' } },
      f2p_tests: { 'test/a.test.ts': { run: 'NONE', test: 'FAIL', fix: 'PASS' } },
      p2p_tests: { 'test/b.test.ts': { run: 'PASS', test: 'PASS', fix: 'PASS' } },
      s2p_tests: {},
      n2p_tests: {},
    };
  }

  test('reads org/repo/number, base.sha, fix_patch and test maps; a local mirror gives the lockfile setup and the runner command', async () => {
    mirrorRepo = createFixture(
      { 'package.json': JSON.stringify({ name: 'zod', scripts: { test: 'vitest run' } }), 'pnpm-lock.yaml': 'lockfileVersion: 9\n', 'src/index.ts': 'export const a = 1;\n' },
      { git: true },
    );
    const baseSha = mirrorRepo.git('rev-parse', 'HEAD').trim();
    const mirror = folder();
    symlinkSync(mirrorRepo.root, join(mirror, 'colinhacks__zod'));
    const path = jsonl(folder(), 'ts.jsonl', [multiRecord(baseSha), multiRecord('0000000000000000000000000000000000000000')]);
    const loaded = await createSweBenchAdapter({ mirror }).doLoad(path, {});
    expect(loaded.tasks).toHaveLength(1);
    expect(loaded.tasks[0]).toMatchObject({
      id: 'colinhacks__zod-4012',
      language: 'typescript',
      request: 'a should be 2\n\nIt is 1 in v3.',
      source: { repository: join(mirror, 'colinhacks__zod'), baseCommit: baseSha, setup: ['pnpm install --frozen-lockfile'] },
      scoring: { failToPass: ['test/a.test.ts'], passToPass: ['test/b.test.ts'], reference: tsPatch, testCommand: 'npx vitest run {tests}' },
      origin: { suite: 'swe-bench', upstreamId: 'colinhacks__zod-4012', url: 'https://github.com/colinhacks/zod/pull/4012' },
    });
    expect(loaded.problems).toEqual([`${path}:2: base_commit 0000000000000000000000000000000000000000 is not in the local repository ${join(mirror, 'colinhacks__zod')}: fetch it there first`]);
  });

  test('without a mirror the repository is cloned from GitHub and setup picks the installer by lockfile at run time', async () => {
    const path = jsonl(folder(), 'ts.jsonl', [multiRecord('d16bfe05a744909de4b27f5875fe0d4ed41ce607')]);
    const [task] = (await sweBenchAdapter.doLoad(path, {})).tasks;
    expect(task?.source).toMatchObject({ repository: 'https://github.com/colinhacks/zod.git' });
    expect(task?.source.setup[0]).toMatch(/^if \[ -f pnpm-lock\.yaml \]; then pnpm install --frozen-lockfile;.* elif \[ -f package-lock\.json \]; then npm ci;.* fi$/);
    expect(task?.scoring.testCommand).toBe('npm test -- {tests}');
  });
});
