/** Runs jest with `--json`; coverage as istanbul JSON from jest's own V8 provider. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseJestJson } from './parse-jest-json.ts';
import type { RunnerAdapter, RunPlan } from './runner-adapter.ts';

/** `jest --json --outputFile=<file> --ci --runTestsByPath <files>`. */
export const jestAdapter: RunnerAdapter = {
  async prepare(input): Promise<RunPlan> {
    const args = [...input.runner.baseArgs, '--json', `--outputFile=${join(input.workDirectory, 'results.json')}`, '--ci', '--watchAll=false'];
    if (input.bail) args.push('--bail=1');
    if (input.files !== 'all') args.push('--runTestsByPath', ...input.files);
    if (!input.coverageDirectory) return { invocations: [{ args, env: {} }] };
    args.push('--coverage', '--coverageProvider=v8', '--coverageReporters=json', `--coverageDirectory=${input.coverageDirectory}`);
    for (const file of input.coverageFiles ?? []) args.push(`--collectCoverageFrom=${file}`);
    return { invocations: [{ args, env: {} }], coverage: { format: 'istanbul', file: join(input.coverageDirectory, 'coverage-final.json') } };
  },
  async collect(input, _results, collector) {
    const text = await readFile(join(input.workDirectory, 'results.json'), 'utf8').catch(() => '');
    return parseJestJson(text, input.dir, collector) ? undefined : 'jest wrote no JSON report';
  },
};
