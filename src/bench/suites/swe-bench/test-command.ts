/** The command that runs chosen tests of a repository, with `{tests}` where the test ids or files go. */
import type { RunnerName } from '../../../evidence/tests/index.ts';

/** The package manager a JavaScript repository's lockfile names. */
export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

const runnerCommands: Record<RunnerName, string> = {
  'node-test': 'node --test {tests}',
  vitest: 'npx vitest run {tests}',
  jest: 'npx jest {tests}',
  mocha: 'npx mocha {tests}',
  tap: 'npx tap --no-coverage {tests}',
  pytest: 'python3 -m pytest -rA -p no:cacheprovider {tests}',
  unittest: 'python3 -m unittest {tests}',
};

/**
 * The runner's own command when it is known; otherwise the repository's test script through its
 * package manager (JavaScript) or pytest (Python). `{tests}` takes the task's test ids as they are:
 * test files for mined tasks and most JavaScript suites, pytest node ids (`file::test`) for Python.
 */
export function testCommandFor(language: string, runner?: RunnerName, packageManager: PackageManager = 'npm'): string {
  if (runner) return runnerCommands[runner];
  if (language === 'python') return runnerCommands.pytest;
  return packageManager === 'npm' ? 'npm test -- {tests}' : `${packageManager} test {tests}`;
}
