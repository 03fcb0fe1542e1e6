/** Runs node:test with codewright's reporter, one process per test file; raw V8 coverage through NODE_V8_COVERAGE. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeTestReporter } from './node-test-reporter.ts';
import { parseNodeTestEvents } from './parse-node-test.ts';
import type { RunnerAdapter, RunPlan } from './runner-adapter.ts';

/**
 * `node [flags] --test --test-reporter=<codewright> --test-reporter-destination=<file> <file>` per test file:
 * node:test reports files in order, so one hanging file would otherwise hide the results of all the others.
 */
export const nodeTestAdapter: RunnerAdapter = {
  async prepare(input): Promise<RunPlan> {
    const reporter = join(input.workDirectory, 'reporter.mjs');
    await writeFile(reporter, nodeTestReporter);
    const groups = input.files === 'all' ? [input.runner.suiteArgs] : input.files.map((file) => [file]);
    const env: Record<string, string> = input.coverageDirectory ? { NODE_V8_COVERAGE: input.coverageDirectory } : {};
    const invocations = groups.map((targets, index) => ({
      args: [
        ...input.runner.baseArgs,
        '--test',
        `--test-reporter=${reporter}`,
        `--test-reporter-destination=${join(input.workDirectory, `results-${index}.jsonl`)}`,
        ...targets,
      ],
      env,
    }));
    return { invocations, ...(input.coverageDirectory ? { coverage: { format: 'v8', directory: input.coverageDirectory } } : {}) };
  },
  async collect(input, _results, collector) {
    const reports = (await readdir(input.workDirectory)).filter((name) => /^results-\d+\.jsonl$/.test(name));
    if (reports.length === 0) return 'node --test wrote no report';
    for (const report of reports) parseNodeTestEvents(await readFile(join(input.workDirectory, report), 'utf8'), input.dir, collector);
    return undefined;
  },
};
