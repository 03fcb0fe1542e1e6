import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Evidence } from '../../core/change.ts';
import { readTestsShared } from './shared.ts';
import { createChangeFixture, type ChangeFixture } from './testing/change-fixture.ts';
import { brokenAdd, nodeProject } from './testing/node-project.ts';
import { createTestsProvider } from './tests-provider.ts';

const fixtures: ChangeFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

function fixture(base: Record<string, string>, change: Record<string, string | null>): ChangeFixture {
  const created = createChangeFixture(base, change);
  fixtures.push(created);
  return created;
}

const byStatus = (evidence: Evidence[], status: Evidence['status']) => evidence.filter((item) => item.status === status);

describe('tests evidence on a node:test project', () => {
  test('a test that reaches the changed file through another module fails after the change; an unrelated test is not run', async () => {
    const project = fixture(nodeProject, { 'src/math.ts': brokenAdd });
    const context = project.context();
    const evidence = await createTestsProvider().doCheck(context);

    const failures = byStatus(evidence, 'fail');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.message).toBe('test "sums values" in test/stats.test.ts fails after the change: Expected values to be strictly equal: -6 !== 6');
    expect(failures[0]!.hunks).toEqual(['src/math.ts#0']);

    const shared = readTestsShared(context.shared)!;
    expect(shared.records).toHaveLength(1);
    expect(shared.records[0]!.runner.name).toBe('node-test');
    expect([...shared.records[0]!.selected].sort()).toEqual(['test/legacy.test.ts', 'test/stats.test.ts']);
    expect(shared.records[0]!.reach.get('test/stats.test.ts')).toEqual(['src/math.ts#0']);
  });

  test('a test that failed before and still fails is a warning, not a failure of the change', async () => {
    const project = fixture(nodeProject, { 'src/math.ts': brokenAdd });
    const evidence = await createTestsProvider().doCheck(project.context());
    const warnings = byStatus(evidence, 'warn');
    expect(warnings.map((item) => item.message)).toEqual([
      'test "adds floats exactly" in test/legacy.test.ts fails before and after the change: Expected values to be strictly equal: -0.1 !== 0.3',
    ]);
    expect(warnings[0]!.hunks).toEqual(['src/math.ts#0']);
  });

  test('a fix makes a failing test pass, and passing tests cover the hunk', async () => {
    const project = fixture({ ...nodeProject, 'src/math.ts': brokenAdd }, { 'src/math.ts': nodeProject['src/math.ts']! });
    const evidence = await createTestsProvider().doCheck(project.context());
    expect(byStatus(evidence, 'fail')).toEqual([]);
    const passes = byStatus(evidence, 'pass').map((item) => item.message);
    expect(passes).toContain('test "sums values" in test/stats.test.ts passes after the change (it failed before)');
    expect(passes).toContain('covered by 1 test that passes');
  });

  test('a hunk no test reaches gets "no tests reach this hunk"', async () => {
    const project = fixture(nodeProject, { 'src/orphan.ts': 'export const answer = 43;\n' });
    const evidence = await createTestsProvider().doCheck(project.context());
    expect(evidence).toEqual([{ kind: 'tests', status: 'warn', message: 'no tests reach this hunk', hunks: ['src/orphan.ts#0'] }]);
  });

  test('a test file the change adds also runs on the base (fail-to-pass): failing there, it shows what the change does', async () => {
    const added = nodeProject['test/greet.test.ts']!.replace("'greets'", "'greets again'");
    const project = fixture(nodeProject, { 'src/orphan.ts': 'export const answer = 43;\n', 'test/orphan.test.ts': added.replace('greet.ts', 'orphan.ts').replace(/import \{ greet \}.*\n/, "import { answer } from '../src/orphan.ts';\n").replace("greet('ada'), 'hello ada'", 'answer, 43') });
    const context = project.context();
    const evidence = await createTestsProvider().doCheck(context);
    expect(byStatus(evidence, 'fail')).toEqual([]);
    const messages = evidence.filter((item) => item.hunks.includes('src/orphan.ts#0')).map((item) => item.message);
    expect(messages).toEqual(['test "greets again" in test/orphan.test.ts passes after the change (it failed before)', 'covered by 1 test that passes']);
    const record = readTestsShared(context.shared)!.records[0]!;
    expect(record.base.files).toEqual(['test/orphan.test.ts']);
    // The base worktree is put back: later kinds of evidence read it as the base.
    expect(existsSync(join(context.baseDir, 'test/orphan.test.ts'))).toBe(false);
  });

  test('a fix whose reaching tests pass before and after is marked undemonstrated; a refactor is not', async () => {
    const project = fixture(nodeProject, { 'src/greet.ts': nodeProject['src/greet.ts']!.replace('export', '// greets by name\nexport') });
    const fix = await createTestsProvider().doCheck(project.context());
    const warning = fix.find((item) => item.data?.undemonstrated === true);
    expect(warning?.status).toBe('warn');
    expect(warning?.message).toBe('no test shows what this fix changes: the 1 test that reaches it passes before and after the change; add a test that fails without it');
    const refactor = await createTestsProvider().doCheck(project.context({ intent: 'refactor' }));
    expect(refactor.some((item) => item.data?.undemonstrated === true)).toBe(false);
  });

  test('a test that names a touched symbol is selected even when its import cannot be resolved', async () => {
    const dynamic = [
      "import { test } from 'node:test';",
      "import assert from 'node:assert/strict';",
      '',
      "test('greets through a computed import', async () => {",
      "  const { greet } = await import('../src/' + 'greet.ts');",
      "  assert.equal(greet('bo'), 'hello bo');",
      '});',
      '',
    ].join('\n');
    const project = fixture({ ...nodeProject, 'test/dynamic.test.ts': dynamic }, { 'src/greet.ts': nodeProject['src/greet.ts']!.replace('hello', 'hi') });
    const touched = { hunkId: 'src/greet.ts#0', qualifiedName: 'greet', kind: 'function', path: 'src/greet.ts', startLine: 1, endLine: 3, exported: true, language: 'typescript' };
    const context = project.context({ touched: new Map([['src/greet.ts#0', [touched]]]) });
    const evidence = await createTestsProvider().doCheck(context);
    expect(byStatus(evidence, 'fail').map((item) => item.message).sort()).toEqual([
      'test "greets through a computed import" in test/dynamic.test.ts fails after the change: Expected values to be strictly equal: actual \'hi bo\', expected \'hello bo\'',
      'test "greets" in test/greet.test.ts fails after the change: Expected values to be strictly equal: actual \'hi ada\', expected \'hello ada\'',
    ]);
    expect([...readTestsShared(context.shared)!.records[0]!.selected].sort()).toEqual(['test/dynamic.test.ts', 'test/greet.test.ts']);
  });

  test('full runs every test file', async () => {
    const project = fixture(nodeProject, { 'src/orphan.ts': 'export const answer = 43;\n' });
    const context = project.context({ full: true });
    await createTestsProvider().doCheck(context);
    const record = readTestsShared(context.shared)!.records[0]!;
    expect(record.selected).toBe('all');
    expect(new Set(record.change.outcomes.map((outcome) => outcome.file))).toEqual(new Set(['test/stats.test.ts', 'test/legacy.test.ts', 'test/greet.test.ts']));
  });
});

describe('tests evidence when nothing can run', () => {
  test('a project without a test runner is reported unavailable with what to add', async () => {
    const project = fixture({ 'package.json': '{"name":"bare","scripts":{"test":"echo \\"Error: no test specified\\" && exit 1"}}', 'src/a.js': 'export const a = 1;\n' }, { 'src/a.js': 'export const a = 2;\n' });
    const evidence = await createTestsProvider().doCheck(project.context());
    expect(evidence).toEqual([
      { kind: 'tests', status: 'unavailable', message: 'no test runner found: add a test script to package.json (vitest, jest, mocha, tap or node --test)', hunks: ['src/a.js#0'] },
    ]);
  });

  test('a runner that is configured but not installed is reported unavailable', async () => {
    const project = fixture({ 'package.json': '{"name":"j","scripts":{"test":"jest"},"devDependencies":{"jest":"^30.0.0"}}', 'src/a.js': 'export const a = 1;\n' }, { 'src/a.js': 'export const a = 2;\n' });
    const evidence = await createTestsProvider().doCheck(project.context());
    expect(evidence.map((item) => [item.status, item.message])).toEqual([
      ['unavailable', 'jest is the test runner (package.json test script "jest") but it is not installed: run npm install'],
    ]);
  });

  test('a change to documentation only gives no tests evidence', async () => {
    const project = fixture({ ...nodeProject, 'README.md': '# a\n' }, { 'README.md': '# b\n' });
    expect(await createTestsProvider().doCheck(project.context())).toEqual([]);
  });
});

describe('tests evidence when the change makes a test hang', () => {
  test('the hanging test file is killed at the timeout and fails the hunk it reaches', async () => {
    const hanging = ['export function add(a: number, b: number): number {', '  while (a === a) {}', '  return a + b;', '}', ''].join('\n');
    const project = fixture(nodeProject, { 'src/math.ts': hanging });
    const evidence = await createTestsProvider().doCheck(project.context({ timeoutMs: 5_000 }));
    expect(evidence.filter((item) => item.status !== 'pass').map((item) => [item.status, item.message, item.hunks])).toEqual([
      ['fail', 'test file test/stats.test.ts fails after the change: timed out after 5 s', ['src/math.ts#0']],
      ['warn', 'test file test/legacy.test.ts fails before and after the change: timed out after 5 s', ['src/math.ts#0']],
    ]);
  });

  test('a base file that reports nothing before the time limit is no failure before: a test passing now is not "newly passing"', async () => {
    // The base hangs (or, on a slow machine, runs out of time): nothing shows that its tests failed.
    const hanging = ['export function add(a: number, b: number): number {', '  while (a === a) {}', '  return a + b;', '}', ''].join('\n');
    const project = fixture({ ...nodeProject, 'src/math.ts': hanging }, { 'src/math.ts': nodeProject['src/math.ts']! });
    const evidence = await createTestsProvider().doCheck(project.context({ timeoutMs: 5_000 }));
    const messages = evidence.map((item) => `${item.status}: ${item.message}`);
    expect(messages.filter((message) => message.includes('(it failed before)'))).toEqual([]);
    expect(messages).toContain('unavailable: the base run reached its time limit before 2 test files reported (hanging there, or out of time): their tests are not compared with the base');
    expect(evidence.find((item) => item.data?.undemonstrated === true)?.status).toBe('warn');
  });
});
