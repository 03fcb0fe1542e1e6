/** Runs vitest with its JSON reporter; coverage through @vitest/coverage-v8 when installed, else raw V8 of a native run. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { typescriptExtensionHook } from '../workspace/typescript-extension-hook.ts';
import { locatePackage } from './locate-package.ts';
import { atLeast, packageVersion } from './package-version.ts';
import { parseJestJson } from './parse-jest-json.ts';
import type { RunInput, RunnerAdapter, RunPlan } from './runner-adapter.ts';

interface CoverageOptions {
  args: string[];
  env: Record<string, string>;
  coverage?: RunPlan['coverage'];
}

async function coverageOptions(input: RunInput, coverageDirectory: string): Promise<CoverageOptions> {
  if (!input.coveragePerTestFile && (await locatePackage(input.dir, '@vitest/coverage-v8'))) {
    const include = (input.coverageFiles ?? []).map((file) => `--coverage.include=${file}`);
    return {
      args: ['--coverage.enabled=true', '--coverage.provider=v8', '--coverage.reporter=json', `--coverage.reportsDirectory=${coverageDirectory}`, ...include],
      env: {},
      coverage: { format: 'istanbul', file: join(coverageDirectory, 'coverage-final.json') },
    };
  }
  if (!atLeast(await packageVersion(input.dir, 'vitest'), 4, 1)) {
    return { args: [], env: {}, coverage: { format: 'unavailable', reason: 'vitest coverage needs @vitest/coverage-v8 (or vitest 4.1+): npm install -D @vitest/coverage-v8' } };
  }
  // Native imports keep V8 offsets on the source; forks only flush coverage on SIGTERM when --diagnostic-dir is set.
  // Without Vite, Node resolves imports: the hook maps `./x.js` to `./x.ts` as Vite and TypeScript do.
  return {
    args: [
      '--pool=forks',
      '--experimental.viteModuleRunner=false',
      `--execArgv=--diagnostic-dir=${input.workDirectory}`,
      `--execArgv=--import=${typescriptExtensionHook}`,
    ],
    env: { NODE_V8_COVERAGE: coverageDirectory },
    coverage: { format: 'v8', directory: coverageDirectory },
  };
}

/** `vitest run --reporter=json --outputFile=<file> <files>`. */
export const vitestAdapter: RunnerAdapter = {
  async prepare(input): Promise<RunPlan> {
    const args = [...input.runner.baseArgs, '--reporter=json', `--outputFile=${join(input.workDirectory, 'results.json')}`];
    if (input.typeTests === false) args.push('--typecheck.enabled=false');
    const options: CoverageOptions = input.coverageDirectory ? await coverageOptions(input, input.coverageDirectory) : { args: [], env: {} };
    const invocation = { args: [...args, ...options.args, ...(input.files === 'all' ? [] : input.files)], env: options.env };
    return { invocations: [invocation], ...(options.coverage ? { coverage: options.coverage } : {}) };
  },
  async collect(input, _results, collector) {
    const text = await readFile(join(input.workDirectory, 'results.json'), 'utf8').catch(() => '');
    return parseJestJson(text, input.dir, collector) ? undefined : 'vitest wrote no JSON report';
  },
};
