import { describe, expect, test } from 'vitest';
import { parseNodeTestCommand, runnerFromScripts } from './script-commands.ts';

describe('runnerFromScripts', () => {
  test('names the runner of the first command that starts one', () => {
    expect(runnerFromScripts({ test: 'tsc -p . && vitest run --coverage' })?.name).toBe('vitest');
    expect(runnerFromScripts({ test: 'jest --ci' })?.name).toBe('jest');
    expect(runnerFromScripts({ test: 'nyc mocha "test/**/*.spec.js"' })?.name).toBe('mocha');
    expect(runnerFromScripts({ test: 'echo "Error: no test specified" && exit 1' })).toBeUndefined();
  });

  test('tap as a command of its own, not tape or a TAP reporter', () => {
    expect(runnerFromScripts({ test: 'tap' })?.name).toBe('tap');
    expect(runnerFromScripts({ test: 'c8 tap test/*.js' })?.name).toBe('tap');
    expect(runnerFromScripts({ test: 'tape test/*.js | tap-spec' })).toBeUndefined();
  });

  test('follows npm, pnpm and yarn script indirections', () => {
    expect(runnerFromScripts({ test: 'pnpm unit', unit: 'yarn run inner', inner: 'node --test' })).toMatchObject({ name: 'node-test', reason: 'package.json test script "node --test"' });
  });
});

describe('parseNodeTestCommand', () => {
  test('keeps loader and experimental flags, drops reporters, coverage and watch, and returns the globs', () => {
    const command = 'node --experimental-strip-types -r ./setup.cjs --test --test-reporter spec --experimental-test-coverage --watch test/ "src/**/*.test.ts"';
    expect(parseNodeTestCommand(command)).toEqual({ nodeArgs: ['--experimental-strip-types', '-r', './setup.cjs'], suiteArgs: ['test/', 'src/**/*.test.ts'] });
  });
});
