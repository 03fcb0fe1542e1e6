import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { detectRunners } from './detect-runners.ts';
import { fakeTapPackage } from './testing/fake-tap.ts';
import { repositoryNodeModules } from './testing/vitest-project.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function project(files: Record<string, string>, options: { nodeModules?: boolean } = {}): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'codewright-detect-'));
  folders.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  if (options.nodeModules) symlinkSync(repositoryNodeModules, join(dir, 'node_modules'));
  return { dir, files: Object.keys(files) };
}

async function detect(files: Record<string, string>, options: { nodeModules?: boolean } = {}) {
  const { dir, files: paths } = project(files, options);
  return detectRunners(dir, dir, paths);
}

describe('detectRunners', () => {
  test('vitest from the test script, started through its installed entry script', async () => {
    const [detection] = await detect({ 'package.json': '{"scripts":{"test":"vitest run"}}' }, { nodeModules: true });
    expect(detection).toMatchObject({ status: 'found', runner: { name: 'vitest', reason: 'package.json test script "vitest run"', program: process.execPath } });
    expect(detection!.status === 'found' && detection!.runner.baseArgs).toEqual([expect.stringMatching(/node_modules\/vitest\/vitest\.mjs$/), 'run']);
  });

  test('node --test behind npm run, keeping its loader flags and globs', async () => {
    const scripts = { test: 'npm run test:unit', 'test:unit': "node --import tsx --test --test-reporter=spec 'test/**/*.test.ts'" };
    const [detection] = await detect({ 'package.json': JSON.stringify({ scripts }) });
    expect(detection).toMatchObject({ status: 'found', runner: { name: 'node-test', baseArgs: ['--import', 'tsx'], suiteArgs: ['test/**/*.test.ts'] } });
  });

  test('node:test from test files that import it, with no script', async () => {
    const [detection] = await detect({ 'package.json': '{}', 'test/a.test.js': "import { test } from 'node:test';\n" });
    expect(detection).toMatchObject({ status: 'found', runner: { name: 'node-test', reason: "test files import 'node:test'" } });
  });

  test('tap from the test script, started through its installed bin; tap 18 and later are not driven', async () => {
    const [found] = await detect({ 'package.json': '{"scripts":{"test":"tap"}}', ...fakeTapPackage('16.3.10') });
    expect(found).toMatchObject({ status: 'found', runner: { name: 'tap', reason: 'package.json test script "tap"' } });
    expect(found!.status === 'found' && found!.runner.baseArgs).toEqual([expect.stringMatching(/node_modules\/tap\/bin\/run\.js$/)]);
    expect(await detect({ 'package.json': '{"devDependencies":{"tap":"^18.0.0"}}', ...fakeTapPackage('18.7.2') })).toEqual([
      { status: 'unavailable', language: 'javascript', reason: 'tap 18.7 is the test runner (package.json lists tap); codewright drives tap up to version 16' },
    ]);
  });

  test('a configured runner that is not installed is unavailable, with what to run', async () => {
    expect(await detect({ 'package.json': '{}', '.mocharc.yml': 'spec: test\n' })).toEqual([
      { status: 'unavailable', language: 'javascript', reason: 'mocha is the test runner (config file .mocharc.yml) but it is not installed: run npm install' },
    ]);
    expect(await detect({ 'package.json': '{"devDependencies":{"jest":"^30.0.0"}}' })).toEqual([
      { status: 'unavailable', language: 'javascript', reason: 'jest is the test runner (package.json lists jest) but it is not installed: run npm install' },
    ]);
  });

  test('no runner at all says to add a test script', async () => {
    expect(await detect({ 'package.json': '{"scripts":{"build":"tsc"}}', 'src/a.ts': '' })).toEqual([
      { status: 'none', language: 'javascript', reason: 'no test runner found: add a test script to package.json (vitest, jest, mocha, tap or node --test)' },
    ]);
  });

  test('Python: unittest for test*.py files without pytest signs; none without tests', async () => {
    const [found] = await detect({ 'tests/test_a.py': 'import unittest\n' });
    expect(found).toMatchObject({ status: 'found', runner: { name: 'unittest', language: 'python' } });
    expect(await detect({ 'app.py': 'print(1)\n' })).toEqual([
      { status: 'none', language: 'python', reason: 'no test runner found: add test_*.py files that pytest or unittest can run' },
    ]);
  });

  test('Python: pytest signs (conftest.py, plain test functions) choose pytest, or say how to install it', async () => {
    const [detection] = await detect({ 'tests/test_a.py': 'def test_a():\n    assert True\n' });
    if (detection!.status === 'found') expect(detection!.runner).toMatchObject({ name: 'pytest', reason: 'pytest (tests/test_a.py has plain test functions)' });
    else expect(detection!.reason).toMatch(/cannot import it: run pip install pytest$/);
  });
});
