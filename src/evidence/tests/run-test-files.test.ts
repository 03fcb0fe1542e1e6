import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runTestFiles } from './run-test-files.ts';
import { fakeTapPackage } from './testing/fake-tap.ts';
import { isAlive } from './testing/processes.ts';
import type { TestRunner } from './types.ts';

const nodeTest: TestRunner = { name: 'node-test', language: 'javascript', program: process.execPath, baseArgs: [], suiteArgs: [], reason: 'test' };
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'codewright-run-'));
  folders.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('runTestFiles with node:test', () => {
  test('reports each test with suites in its name, skips, and a file that fails to load', async () => {
    const dir = project({
      'test/a.test.js': [
        "import { describe, it } from 'node:test';",
        "describe('outer', () => { it('works', () => {}); it('breaks', () => { throw new Error('boom'); }); it('later', { skip: true }, () => {}); });",
      ].join('\n'),
      'test/b.test.js': "import './missing.js';\n",
    });
    const run = await runTestFiles(nodeTest, dir, ['test/a.test.js', 'test/b.test.js'], { timeoutMs: 30_000 });
    expect(run.outcomes.sort((x, y) => `${x.file}${x.name}`.localeCompare(`${y.file}${y.name}`))).toEqual([
      { file: 'test/a.test.js', name: 'outer > breaks', status: 'fail', message: 'boom' },
      { file: 'test/a.test.js', name: 'outer > later', status: 'skip' },
      { file: 'test/a.test.js', name: 'outer > works', status: 'pass' },
      { file: 'test/b.test.js', name: '(file)', status: 'fail', message: expect.stringMatching(/^Error \[ERR_MODULE_NOT_FOUND\]: Cannot find module/) },
    ]);
    expect(run.timedOut).toBe(false);
  });

  test('a hanging test file is killed with its process group at the timeout; other files still report', async () => {
    const dir = project({
      'test/hang.test.js': [
        "import { test } from 'node:test';",
        "import { spawn } from 'node:child_process';",
        "import { writeFileSync } from 'node:fs';",
        "test('hangs', () => {",
        "  const sleeper = spawn('sleep', ['300'], { stdio: 'ignore' });",
        "  writeFileSync('sleeper.pid', String(sleeper.pid));",
        '  while (true) {}',
        '});',
      ].join('\n'),
      'test/quick.test.js': "import { test } from 'node:test';\ntest('quick', () => {});\n",
    });
    const run = await runTestFiles(nodeTest, dir, ['test/hang.test.js', 'test/quick.test.js'], { timeoutMs: 3_000 });
    expect(run.timedOut).toBe(true);
    expect(run.error).toBe('timed out after 3 s');
    // node:test reports nothing of a file whose test never returns: it may have hung or never started.
    expect(run.outcomes).toContainEqual({ file: 'test/hang.test.js', name: '(file)', status: 'timeout', message: 'timed out after 3 s', unreported: true });
    expect(run.outcomes).toContainEqual({ file: 'test/quick.test.js', name: 'quick', status: 'pass' });
    const sleeper = Number(readFileSync(join(dir, 'sleeper.pid'), 'utf8'));
    expect(sleeper).toBeGreaterThan(0);
    expect(isAlive(sleeper)).toBe(false);
  });

  test('no files means no process and no outcomes', async () => {
    const run = await runTestFiles(nodeTest, tmpdir(), [], { timeoutMs: 1_000 });
    expect(run).toMatchObject({ outcomes: [], exitCode: 0, timedOut: false });
  });

  test('a runner that cannot start is an error, not an exception', async () => {
    const dir = project({ 'test/a.test.js': '' });
    const run = await runTestFiles({ ...nodeTest, program: join(dir, 'no-such-node') }, dir, ['test/a.test.js'], { timeoutMs: 5_000 });
    expect(run.error).toMatch(/^could not start .*no-such-node: spawn .* ENOENT$/);
  });
});

describe('runTestFiles with tap', () => {
  test('reads the TAP that tap saves, and test files write V8 coverage through the environment tap passes on', async () => {
    const dir = project({
      ...fakeTapPackage(),
      'test/a.js': "console.log('ok 1 - adds');\nconsole.log('not ok 2 - subtracts');\nconsole.log('1..2');\nprocess.exitCode = 1;\n",
      'test/b.js': "console.log('ok 1 - loads');\nconsole.log('1..1');\n",
    });
    const tap: TestRunner = { name: 'tap', language: 'javascript', program: process.execPath, baseArgs: [join(dir, 'node_modules/tap/bin/run.js')], suiteArgs: [], reason: 'test' };
    const coverageDirectory = join(dir, 'coverage');
    mkdirSync(coverageDirectory);
    const run = await runTestFiles(tap, dir, ['test/a.js', 'test/b.js'], { timeoutMs: 30_000, coverageDirectory });
    expect(run.outcomes).toEqual([
      { file: 'test/a.js', name: 'adds', status: 'pass' },
      { file: 'test/a.js', name: 'subtracts', status: 'fail', message: 'subtracts' },
      { file: 'test/b.js', name: 'loads', status: 'pass' },
    ]);
    expect(run).toMatchObject({ exitCode: 1, timedOut: false, coverage: { format: 'v8', directory: coverageDirectory } });
    expect(readdirSync(coverageDirectory).filter((name) => name.startsWith('coverage-')).length).toBeGreaterThanOrEqual(3);
  });
});
