/** Runs mocha with its JSON reporter; raw V8 coverage through NODE_V8_COVERAGE. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseMochaJson } from './parse-mocha-json.ts';
import type { RunnerAdapter, RunPlan } from './runner-adapter.ts';

/** `mocha --reporter json --reporter-option output=<file> <files>` (older mocha prints the report on stdout). */
export const mochaAdapter: RunnerAdapter = {
  async prepare(input): Promise<RunPlan> {
    const output = join(input.workDirectory, 'results.json');
    const args = [...input.runner.baseArgs, '--reporter', 'json', '--reporter-option', `output=${output}`, ...(input.bail ? ['--bail'] : []), ...(input.files === 'all' ? [] : input.files)];
    if (!input.coverageDirectory) return { invocations: [{ args, env: {} }] };
    return { invocations: [{ args, env: { NODE_V8_COVERAGE: input.coverageDirectory } }], coverage: { format: 'v8', directory: input.coverageDirectory } };
  },
  async collect(input, results, collector) {
    const text = await readFile(join(input.workDirectory, 'results.json'), 'utf8').catch(() => results[0]?.stdout ?? '');
    return parseMochaJson(text, input.dir, collector) ? undefined : 'mocha wrote no JSON report';
  },
};
