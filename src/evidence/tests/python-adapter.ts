/** Runs pytest or unittest through codewright's bootstrap; coverage by tracing the changed files' lines. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePythonResults } from './parse-python-results.ts';
import { pythonBootstrap } from './python-bootstrap.ts';
import type { RunnerAdapter, RunPlan } from './runner-adapter.ts';

/** `python -B bootstrap.py config.json`, for both pytest and unittest. */
export const pythonAdapter: RunnerAdapter = {
  async prepare(input): Promise<RunPlan> {
    const bootstrap = join(input.workDirectory, 'codewright_bootstrap.py');
    const config = join(input.workDirectory, 'config.json');
    const coverage = input.coverageDirectory ? join(input.coverageDirectory, 'python-coverage.json') : undefined;
    await writeFile(bootstrap, pythonBootstrap);
    await writeFile(
      config,
      JSON.stringify({
        mode: input.runner.name === 'pytest' ? 'pytest' : 'unittest',
        files: input.files === 'all' ? null : input.files,
        results: join(input.workDirectory, 'results.jsonl'),
        coverage: coverage ?? null,
        trace: input.coverageFiles ?? [],
      }),
    );
    const invocation = { args: [...input.runner.baseArgs, '-B', bootstrap, config], env: { PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' } };
    return { invocations: [invocation], ...(coverage ? { coverage: { format: 'python', file: coverage } } : {}) };
  },
  async collect(input, _results, collector) {
    const text = await readFile(join(input.workDirectory, 'results.jsonl'), 'utf8').catch(() => undefined);
    if (text === undefined) return `${input.runner.name} did not start`;
    parsePythonResults(text, collector);
    return undefined;
  },
};
