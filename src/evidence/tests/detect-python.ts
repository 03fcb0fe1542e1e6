/** Finds the Python test runner of a worktree: pytest when the project uses it, else unittest. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunnerDetection } from './detection.ts';
import { canImport, findPython } from './find-python.ts';
import { isTestFileFor } from './test-file-patterns.ts';

const configMarkers: [string, RegExp][] = [
  ['pytest.ini', /./],
  ['pyproject.toml', /\[tool\.pytest/],
  ['setup.cfg', /\[tool:pytest\]/],
  ['tox.ini', /\[pytest\]/],
  ['requirements-dev.txt', /^\s*pytest\b/m],
  ['requirements.txt', /^\s*pytest\b/m],
];

async function read(dir: string, path: string): Promise<string> {
  return readFile(join(dir, path), 'utf8').catch(() => '');
}

/** Why the project looks like it uses pytest, or undefined when nothing says so. */
async function pytestSignal(dir: string, files: readonly string[], tests: readonly string[]): Promise<string | undefined> {
  for (const [path, pattern] of configMarkers) {
    if (files.includes(path) && pattern.test(await read(dir, path))) return path;
  }
  if (files.some((path) => path === 'conftest.py' || path.endsWith('/conftest.py'))) return 'conftest.py';
  for (const test of tests.slice(0, 50)) {
    const text = await read(dir, test);
    if (/^\s*(import pytest|from pytest\b)/m.test(text)) return `${test} imports pytest`;
    if (/^def test_/m.test(text) && !/\bunittest\b/.test(text)) return `${test} has plain test functions`;
  }
  return undefined;
}

/** Detects pytest (config, conftest.py, pytest-style tests) or unittest (test*.py files) and a Python to run them. */
export async function detectPythonRunner(dir: string, root: string, files: readonly string[]): Promise<RunnerDetection> {
  const tests = files.filter((path) => isTestFileFor('unittest', path) || isTestFileFor('pytest', path));
  const signal = await pytestSignal(dir, files, tests);
  if (tests.length === 0 && signal === undefined) {
    return { status: 'none', language: 'python', reason: 'no test runner found: add test_*.py files that pytest or unittest can run' };
  }
  const python = await findPython([dir, root]);
  if (python === undefined) return { status: 'unavailable', language: 'python', reason: 'python3 not found: install Python 3 to run the Python tests' };
  const base = { language: 'python' as const, program: python, baseArgs: [], suiteArgs: [] };
  if (signal === undefined) return { status: 'found', runner: { ...base, name: 'unittest', reason: 'test*.py files and no pytest configuration' } };
  if (await canImport(python, 'pytest', dir)) return { status: 'found', runner: { ...base, name: 'pytest', reason: `pytest (${signal})` } };
  return { status: 'unavailable', language: 'python', reason: `the tests use pytest (${signal}) but ${python} cannot import it: run pip install pytest` };
}
