import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestsProvider } from '../tests/tests-provider.ts';
import { readTestsShared } from '../tests/shared.ts';
import { createChangeFixture, type ChangeFixture } from '../tests/testing/change-fixture.ts';
import { repositoryNodeModules } from '../tests/testing/vitest-project.ts';
import { createCoverageProvider } from './coverage-provider.ts';
import { readCoverageShared, testFilesExecuting } from './shared.ts';
import { clampChange, nodeClampProject, pythonClampChange, pythonClampProject, vitestClampProject } from './testing/clamp-projects.ts';

const fixtures: ChangeFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

function fixture(base: Record<string, string>, change: Record<string, string | null>, nodeModules?: string): ChangeFixture {
  const created = createChangeFixture(base, change, nodeModules ? { nodeModules } : {});
  fixtures.push(created);
  return created;
}

const summary = (evidence: { status: string; message: string; hunks: string[] }[]) => evidence.map((item) => [item.status, item.message, item.hunks]);

describe('coverage evidence on a node:test TypeScript project', () => {
  test('names exactly the added line of the branch the tests never enter; types, comments and braces do not count', async () => {
    const project = fixture(nodeClampProject, { 'src/clamp.ts': clampChange });
    const context = project.context();
    const evidence = await createCoverageProvider().doCheck(context);
    expect(summary(evidence)).toEqual([['warn', 'no test executes line 9', ['src/clamp.ts#0']]]);
    expect(evidence[0]!.location).toEqual({ path: 'src/clamp.ts', line: 9 });
    expect(evidence[0]!.data).toEqual({ executed: [8, 11], notExecuted: [9] });
    const shared = readCoverageShared(context.shared)!;
    expect(shared.files.get('src/clamp.ts')).toEqual({ executed: [6, 8, 11], notExecuted: [9] });
    expect(testFilesExecuting(shared, 'src/clamp.ts', 11)).toEqual(['test/clamp.test.ts']);
    expect(testFilesExecuting(shared, 'src/clamp.ts', 9)).toEqual([]);
  });

  test('a hunk whose lines all run passes with its line range', async () => {
    const change = clampChange.replace('if (value < range.low) {', 'if (value > range.low) {');
    const project = fixture(nodeClampProject, { 'src/clamp.ts': change });
    expect(summary(await createCoverageProvider().doCheck(project.context()))).toEqual([['warn', 'no test executes line 11', ['src/clamp.ts#0']]]);
    const covered = ['export function clamp(value: number, range: { low: number }): number {', '  const low = range.low;', '', '  return Math.max(value, low);', '}', ''].join('\n');
    const second = fixture(nodeClampProject, { 'src/clamp.ts': covered });
    expect(summary(await createCoverageProvider().doCheck(second.context()))).toEqual([['pass', 'lines 1-4 executed by tests', ['src/clamp.ts#0']]]);
  });

  test('lines of a file no test reaches are not executed', async () => {
    const project = fixture(nodeClampProject, { 'src/label.ts': ['export function label(value: number): string {', '  const text = String(value);', '  return `#${text}`;', '}', ''].join('\n') });
    expect(summary(await createCoverageProvider().doCheck(project.context()))).toEqual([['warn', 'no test executes lines 2-3', ['src/label.ts#0']]]);
  });
});

describe('coverage evidence with other runners', () => {
  test('vitest: the same lines, from raw V8 coverage of a native-module run', async () => {
    const project = fixture(vitestClampProject, { 'src/clamp.ts': clampChange }, repositoryNodeModules);
    const context = project.context();
    expect(summary(await createCoverageProvider().doCheck(context))).toEqual([['warn', 'no test executes line 9', ['src/clamp.ts#0']]]);
    expect(testFilesExecuting(readCoverageShared(context.shared)!, 'src/clamp.ts', 8)).toEqual(['test/clamp.test.ts']);
  });

  test('unittest: traced lines, per test file', async () => {
    const project = fixture(pythonClampProject, { 'calc/clamp.py': pythonClampChange });
    const context = project.context();
    const evidence = await createCoverageProvider().doCheck(context);
    expect(summary(evidence)).toEqual([['warn', 'no test executes line 4', ['calc/clamp.py#0']]]);
    expect(evidence[0]!.data).toEqual({ executed: [3, 5], notExecuted: [4] });
    const shared = readCoverageShared(context.shared)!;
    expect(testFilesExecuting(shared, 'calc/clamp.py', 5)).toEqual(['tests/test_clamp.py']);
  });
});

describe('coverage collected by the tests evidence', () => {
  /** The clamp project whose test appends a line to a log each time it runs, and first runs `extra`. */
  function loggingProject(extra = '') {
    const logs = mkdtempSync(join(tmpdir(), 'codewright-runs-'));
    const log = join(logs, 'runs.log');
    const test = nodeClampProject['test/clamp.test.ts']!.replace(
      "test('clamps from above', () => {",
      `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, process.env.NODE_V8_COVERAGE ? 'coverage\\n' : 'plain\\n');\n\ntest('clamps from above', () => {\n${extra}`,
    );
    const project = fixture({ ...nodeClampProject, 'test/clamp.test.ts': test }, { 'src/clamp.ts': clampChange });
    return { project, runs: () => readFileSync(log, 'utf8').trim().split('\n'), remove: () => rmSync(logs, { recursive: true, force: true }) };
  }

  test('with coverage to follow, the change runs its tests once, with coverage on, and the coverage evidence reads that run', async () => {
    const { project, runs, remove } = loggingProject();
    try {
      const context = project.context({ intent: 'refactor', kinds: new Set(['tests', 'coverage']) });
      const tests = await createTestsProvider().doCheck(context);
      expect(tests.map((item) => item.status)).toEqual(['pass']);
      expect(runs()).toEqual(['coverage']);
      const evidence = await createCoverageProvider().doCheck(context);
      expect(summary(evidence)).toEqual([['warn', 'no test executes line 9', ['src/clamp.ts#0']]]);
      expect(runs()).toEqual(['coverage']);
      expect(testFilesExecuting(readCoverageShared(context.shared)!, 'src/clamp.ts', 11)).toEqual(['test/clamp.test.ts']);
    } finally {
      remove();
    }
  });

  test('without coverage to follow, the tests run plain; the coverage evidence then runs them itself', async () => {
    const { project, runs, remove } = loggingProject();
    try {
      const context = project.context({ intent: 'refactor', kinds: new Set(['tests']) });
      await createTestsProvider().doCheck(context);
      expect(runs()).toEqual(['plain']);
      expect(summary(await createCoverageProvider().doCheck(context))).toEqual([['warn', 'no test executes line 9', ['src/clamp.ts#0']]]);
      expect(runs()).toEqual(['plain', 'coverage']);
    } finally {
      remove();
    }
  });

  test('a test file that fails only with coverage on runs again without it, and its plain outcome counts', async () => {
    const { project, runs, remove } = loggingProject("  if (process.env.NODE_V8_COVERAGE) throw new Error('fails when instrumented');\n");
    try {
      const context = project.context({ intent: 'refactor', kinds: new Set(['tests', 'coverage']) });
      const tests = await createTestsProvider().doCheck(context);
      expect(tests.map((item) => item.status)).toEqual(['pass']);
      expect(runs()).toEqual(['coverage', 'plain']);
      const change = readTestsShared(context.shared)!.records[0]!.change;
      expect(change.outcomes.map((outcome) => [outcome.file, outcome.status])).toEqual([['test/clamp.test.ts', 'pass']]);
    } finally {
      remove();
    }
  });
});
