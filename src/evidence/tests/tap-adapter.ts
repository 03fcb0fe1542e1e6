/** Runs the `tap` runner (v12–16) with its own coverage off, reading the raw TAP it saves; raw V8 coverage through NODE_V8_COVERAGE. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseTapOutput } from './parse-tap.ts';
import type { RunnerAdapter, RunPlan } from './runner-adapter.ts';

/**
 * `tap --reporter=silent --no-coverage --output-file=<file> -- <files>`. tap starts one Node process per test
 * file and passes its environment on, so NODE_V8_COVERAGE records each test file's coverage on its own;
 * `--no-coverage` keeps nyc out of the way. The project's tap config (timeout, jobs) still applies.
 */
export const tapAdapter: RunnerAdapter = {
  async prepare(input): Promise<RunPlan> {
    const output = join(input.workDirectory, 'results.tap');
    const files = input.files === 'all' ? [] : ['--', ...input.files];
    const args = [...input.runner.baseArgs, '--reporter=silent', '--no-coverage', '--no-color', `--output-file=${output}`, ...files];
    if (!input.coverageDirectory) return { invocations: [{ args, env: {} }] };
    return { invocations: [{ args, env: { NODE_V8_COVERAGE: input.coverageDirectory } }], coverage: { format: 'v8', directory: input.coverageDirectory } };
  },
  async collect(input, results, collector) {
    const text = await readFile(join(input.workDirectory, 'results.tap'), 'utf8').catch(() => '');
    if (!/^(TAP version|# Subtest|(not )?ok\b)/m.test(text)) return 'tap wrote no TAP output';
    parseTapOutput(text, input.dir, collector, results[0]?.stderr ?? '');
    return undefined;
  },
};
