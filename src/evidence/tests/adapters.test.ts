import { describe, expect, test } from 'vitest';
import { jestAdapter } from './jest-adapter.ts';
import { mochaAdapter } from './mocha-adapter.ts';
import type { RunInput } from './runner-adapter.ts';
import { tapAdapter } from './tap-adapter.ts';
import type { TestRunner } from './types.ts';
import { vitestAdapter, vitestResolveConditions } from './vitest-adapter.ts';

const runner = (name: TestRunner['name'], bin: string): TestRunner => ({ name, language: 'javascript', program: 'node', baseArgs: [bin], suiteArgs: [], reason: '' });

describe('command lines of runners that are not installed here', () => {
  test('jest: JSON report to a file, CI mode, tests by path, and V8 coverage as istanbul JSON', async () => {
    const input: RunInput = { runner: runner('jest', '/p/jest.js'), dir: '/repo', files: ['test/a.test.ts'], workDirectory: '/w', coverageDirectory: '/c', coverageFiles: ['src/a.ts'] };
    expect(await jestAdapter.prepare(input)).toEqual({
      invocations: [
        {
          args: [
            '/p/jest.js',
            '--json',
            '--outputFile=/w/results.json',
            '--ci',
            '--watchAll=false',
            '--runTestsByPath',
            'test/a.test.ts',
            '--coverage',
            '--coverageProvider=v8',
            '--coverageReporters=json',
            '--coverageDirectory=/c',
            '--collectCoverageFrom=src/a.ts',
          ],
          env: {},
        },
      ],
      coverage: { format: 'istanbul', file: '/c/coverage-final.json' },
    });
  });

  test('mocha: JSON reporter into a file, and raw V8 coverage', async () => {
    const input: RunInput = { runner: runner('mocha', '/p/mocha.js'), dir: '/repo', files: 'all', workDirectory: '/w', coverageDirectory: '/c' };
    expect(await mochaAdapter.prepare(input)).toEqual({
      invocations: [{ args: ['/p/mocha.js', '--reporter', 'json', '--reporter-option', 'output=/w/results.json'], env: { NODE_V8_COVERAGE: '/c' } }],
      coverage: { format: 'v8', directory: '/c' },
    });
  });

  test('tap: silent reporter, nyc off, raw TAP saved to a file, files after `--`, and raw V8 coverage', async () => {
    const input: RunInput = { runner: runner('tap', '/p/tap/bin/run.js'), dir: '/repo', files: ['test/a.js'], workDirectory: '/w', coverageDirectory: '/c' };
    expect(await tapAdapter.prepare(input)).toEqual({
      invocations: [
        { args: ['/p/tap/bin/run.js', '--reporter=silent', '--no-coverage', '--no-color', '--output-file=/w/results.tap', '--', 'test/a.js'], env: { NODE_V8_COVERAGE: '/c' } },
      ],
      coverage: { format: 'v8', directory: '/c' },
    });
  });
});

describe('options check passes to runners', () => {
  test('bail stops jest and mocha at the first failure', async () => {
    const jest = await jestAdapter.prepare({ runner: runner('jest', '/p/jest.js'), dir: '/repo', files: ['t.test.js'], workDirectory: '/w', bail: true });
    expect(jest.invocations[0]?.args).toContain('--bail=1');
    const mocha = await mochaAdapter.prepare({ runner: runner('mocha', '/p/mocha.js'), dir: '/repo', files: 'all', workDirectory: '/w', bail: true });
    expect(mocha.invocations[0]?.args).toContain('--bail');
  });

  test('vitest: type tests off, bail, and for native coverage the Node options every workspace project inherits', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'codewright-vitest-args-'));
    try {
      writeFileSync(join(dir, 'vitest.config.ts'), "export default { resolve: { conditions: ['@acme/source', 'default'] } };\n");
      const plain = await vitestAdapter.prepare({ runner: runner('vitest', '/p/vitest.mjs'), dir, files: ['a.test.ts'], workDirectory: '/w', typeTests: false, bail: true });
      expect(plain.invocations[0]?.args).toEqual(expect.arrayContaining(['--typecheck.enabled=false', '--bail=1']));
      expect(await vitestResolveConditions(dir)).toEqual(['@acme/source']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
