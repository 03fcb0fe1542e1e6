/** `test`: runs the tests that reach the candidate's change (or given files) and reports counts and the first failures. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tool } from 'ai';
import { z } from 'zod';
import { CodewrightError } from '../../core/errors.ts';
import { runTestFiles } from '../../evidence/tests/index.ts';
import type { TestOutcome, TestRun } from '../../evidence/tests/index.ts';
import type { ToolRuntime } from './tool-runtime.ts';
import { resolvePath } from './text-file.ts';
import { selectGivenTests, selectImpactedTests } from './select-tests.ts';
import type { TestSelection } from './select-tests.ts';

const inputSchema = z.object({
  files: z.array(z.string()).optional().describe('Test files to run, relative to the repository root; default: the tests that reach your changes'),
  all: z.boolean().optional().describe('Run the whole test suite (slow; default false)'),
});

type TestInput = z.infer<typeof inputSchema>;

const shownFailures = 5;

function countOf(outcomes: readonly TestOutcome[], status: TestOutcome['status']): number {
  return outcomes.filter((outcome) => outcome.status === status).length;
}

function describeRun(run: TestRun): string[] {
  const label = run.files === 'all' ? 'whole suite' : `${run.files.length} file${run.files.length === 1 ? '' : 's'}`;
  const counts = `${countOf(run.outcomes, 'pass')} passed, ${countOf(run.outcomes, 'fail')} failed, ${countOf(run.outcomes, 'timeout')} timed out, ${countOf(run.outcomes, 'skip')} skipped`;
  const lines = [`${run.runner} (${label}): ${counts} in ${(run.durationMs / 1000).toFixed(1)} s`];
  if (run.error) lines.push(`  problem: ${run.error}`);
  const failed = run.outcomes.filter((outcome) => outcome.status === 'fail' || outcome.status === 'timeout');
  for (const outcome of failed.slice(0, shownFailures)) {
    const message = (outcome.message ?? '').split('\n').slice(0, 4).join('\n    ');
    lines.push(`  FAIL ${outcome.file} > ${outcome.name}${message ? `\n    ${message}` : ''}`);
  }
  if (failed.length > shownFailures) lines.push(`  [... ${failed.length - shownFailures} more failures; run those files alone to see them]`);
  return lines;
}

async function selectionFor(runtime: ToolRuntime, input: TestInput, timeoutMs: number, signal: AbortSignal | undefined): Promise<TestSelection | string> {
  const { workspace, logger } = runtime.context;
  if (input.files && input.files.length > 0) {
    const files: string[] = [];
    for (const given of input.files) {
      const resolved = resolvePath(runtime, given);
      if (!resolved.success) return resolved.error;
      if (!existsSync(join(workspace.root, resolved.value.relative))) return `test file not found: ${resolved.value.relative}; give paths of existing test files, or no files to run the impacted tests`;
      files.push(resolved.value.relative);
    }
    return selectGivenTests(workspace.root, files, timeoutMs);
  }
  const options = { root: workspace.root, base: workspace.base, timeoutMs, logger, ...(signal ? { signal } : {}) };
  return runtime.atlas
    .query((db) => selectImpactedTests(options, db, input.all === true))
    .catch(() => selectImpactedTests(options, undefined, input.all === true));
}

/** Selects and runs tests; returns the compact report. */
export async function runTests(runtime: ToolRuntime, input: TestInput, abortSignal?: AbortSignal): Promise<string> {
  const timeoutMs = runtime.context.commandPolicy.timeoutMs;
  const signal = runtime.signal(abortSignal);
  let selection: TestSelection | string;
  try {
    selection = await selectionFor(runtime, input, timeoutMs, signal);
  } catch (error) {
    // Expected trouble (git failing, a time limit) reaches the model as text; bugs still throw.
    if (!CodewrightError.isInstance(error)) throw error;
    return `tests could not be selected: ${error.message}`;
  }
  if (typeof selection === 'string') return selection;
  const lines: string[] = [];
  if (selection.batches.length === 0) {
    if (selection.changedFiles === 0) lines.push('no changes against the base yet: give test files to run, e.g. { "files": ["test/parse.test.ts"] }, or all: true');
    else if (selection.problems.length === 0) lines.push('no test file reaches the changed code: write a test that imports it, or give test files to run');
  }
  for (const batch of selection.batches) {
    const run = await runTestFiles(batch.runner, runtime.context.workspace.root, batch.files, { timeoutMs, ...(signal ? { signal } : {}) });
    lines.push(...describeRun(run));
  }
  for (const problem of selection.problems) lines.push(`not run: ${problem}`);
  return lines.join('\n');
}

/** The `test` tool. */
export function createTestTool(runtime: ToolRuntime) {
  return tool({
    description:
      'Run tests in your worktree. Without arguments it runs the test files that reach your changes (through imports or by naming changed code); ' +
      'give `files` to run particular test files (e.g. a new test), or all: true for the whole suite. Returns pass/fail counts and the first failures.',
    inputSchema,
    execute: async (input, options) => runtime.finish(await runTests(runtime, input, options?.abortSignal), 'run fewer test files at once'),
  });
}
