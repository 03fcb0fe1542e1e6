/** Connects mutation testing to the test runner the tests provider found and the coverage it recorded. */
import type { MutationTestHooks } from './mutation/index.ts';
import { mutationHooksKey } from './mutation/index.ts';
import { passingTestFilesFor, readTestsShared, runTestFiles } from './tests/index.ts';
import { readCoverageShared, testFilesExecuting } from './coverage/index.ts';
import type { CheckContext, EvidenceProvider } from './types.ts';

/**
 * Hooks that run a mutant's covering tests with the runner of the tests provider. Covering tests are
 * those coverage saw executing the mutated line; without per-test coverage, the passing tests that
 * reach the hunk. Undefined when no tests ran.
 */
export function createMutationHooks(context: CheckContext): MutationTestHooks | undefined {
  const tests = readTestsShared(context.shared);
  const record = tests?.records[0];
  if (!tests || !record) return undefined;
  const coverage = readCoverageShared(context.shared);
  const hunkAt = (path: string, line: number) =>
    context.hunks.find((hunk) => hunk.path === path && line >= hunk.newStart && line < hunk.newStart + Math.max(1, hunk.newLines));
  return {
    async runTests(dir, testFiles, timeoutMs) {
      const run = await runTestFiles(record.runner, dir, testFiles, { timeoutMs, typeTests: false, bail: true, ...(context.signal ? { signal: context.signal } : {}) });
      const failures = run.outcomes.filter((outcome) => outcome.status === 'fail' || outcome.status === 'timeout').map((outcome) => `${outcome.file} > ${outcome.name}`);
      const passed = failures.length === 0 && !run.timedOut && !run.error && (run.exitCode === 0 || run.outcomes.length > 0);
      return { passed, timedOut: run.timedOut, failures: run.error && failures.length === 0 ? [run.error] : failures };
    },
    testFilesFor(path, line) {
      const executing = coverage ? testFilesExecuting(coverage, path, line) : undefined;
      if (executing && executing.length > 0) return executing;
      const hunk = hunkAt(path, line);
      if (!hunk) return [];
      return passingTestFilesFor(tests, hunk.id).find((entry) => entry.runner.name === record.runner.name)?.files ?? [];
    },
  };
}

/** Wraps the mutation provider so that it finds its hooks in `context.shared`. */
export function withMutationHooks(provider: EvidenceProvider): EvidenceProvider {
  return {
    ...provider,
    doCheck(context) {
      const hooks = createMutationHooks(context);
      if (hooks) context.shared.set(mutationHooksKey, hooks);
      return provider.doCheck(context);
    },
  };
}
