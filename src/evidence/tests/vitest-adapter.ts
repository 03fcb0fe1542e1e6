/** Runs vitest with its JSON reporter; coverage through @vitest/coverage-v8 when installed, else raw V8 of a native run. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { typescriptExtensionHook } from '../workspace/typescript-extension-hook.ts';
import { locatePackage } from './locate-package.ts';
import { atLeast, packageVersion } from './package-version.ts';
import { parseJestJson } from './parse-jest-json.ts';
import type { RunInput, RunnerAdapter, RunPlan } from './runner-adapter.ts';

/** Writes a worker's V8 coverage when vitest ends it with SIGTERM. */
const coverageFlushHook = new URL('../coverage/flush-on-sigterm.mjs', import.meta.url).href;

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
  // Native imports keep V8 offsets on the source (or a source map Node keeps, for transformed TypeScript); forks
  // only flush coverage on SIGTERM when --diagnostic-dir is set. Without Vite, Node resolves imports: the hook maps
  // `./x.js` to `./x.ts` as Vite and TypeScript do, and the configs' export conditions apply. Node options go
  // through NODE_OPTIONS, which reaches the workers of every workspace project (`--execArgv` does not).
  const nodeOptions = [
    process.env.NODE_OPTIONS ?? '',
    `"--diagnostic-dir=${input.workDirectory}"`,
    `--import=${typescriptExtensionHook}`,
    `--import=${coverageFlushHook}`,
    ...(await vitestResolveConditions(input.dir)).map((condition) => `--conditions=${condition}`),
    // Enums and namespaces need more than type stripping.
    ...(process.features.typescript === 'transform' || process.allowedNodeEnvironmentFlags.has('--experimental-transform-types') ? ['--experimental-transform-types', '--no-warnings'] : []),
  ];
  return {
    args: ['--pool=forks', '--experimental.viteModuleRunner=false'],
    env: { NODE_V8_COVERAGE: coverageDirectory, NODE_OPTIONS: nodeOptions.filter(Boolean).join(' ') },
    coverage: { format: 'v8', directory: coverageDirectory },
  };
}

const configNames = ['vitest.config.ts', 'vitest.config.mts', 'vitest.config.js', 'vitest.config.mjs', 'vite.config.ts', 'vite.config.mts', 'vite.config.js', 'vite.config.mjs'];
const standardConditions = new Set(['default', 'import', 'require', 'node', 'node-addons', 'module-sync', 'browser', 'module']);

/**
 * Export conditions the Vite or Vitest configs of `dir` (top level and workspace packages one or two folders
 * down) declare in `resolve.conditions`, such as `@zod/source`: without Vite, Node must be told them
 * (`--conditions`) to resolve a package's own imports to its sources as the tests normally do.
 */
export async function vitestResolveConditions(dir: string): Promise<string[]> {
  const folders = ['.', ...(await subfolders(dir, '.')), ...(await subfolders(dir, 'packages')).map((name) => `packages/${name}`)];
  const conditions = new Set<string>();
  for (const folder of new Set(folders)) {
    for (const name of configNames) {
      const text = await readFile(join(dir, folder, name), 'utf8').catch(() => '');
      for (const list of text.matchAll(/conditions\s*:\s*\[([^\]]*)\]/g)) {
        for (const literal of list[1]!.matchAll(/["'`]([^"'`\s]+)["'`]/g)) if (!standardConditions.has(literal[1]!)) conditions.add(literal[1]!);
      }
    }
  }
  return [...conditions].sort();
}

async function subfolders(dir: string, folder: string): Promise<string[]> {
  const entries = await readdir(join(dir, folder), { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules').map((entry) => entry.name);
}

/** `vitest run --reporter=json --outputFile=<file> <files>`. */
export const vitestAdapter: RunnerAdapter = {
  async prepare(input): Promise<RunPlan> {
    const args = [...input.runner.baseArgs, '--reporter=json', `--outputFile=${join(input.workDirectory, 'results.json')}`];
    if (input.typeTests === false) args.push('--typecheck.enabled=false');
    if (input.bail) args.push('--bail=1');
    const options: CoverageOptions = input.coverageDirectory ? await coverageOptions(input, input.coverageDirectory) : { args: [], env: {} };
    const invocation = { args: [...args, ...options.args, ...(input.files === 'all' ? [] : input.files)], env: options.env };
    return { invocations: [invocation], ...(options.coverage ? { coverage: options.coverage } : {}) };
  },
  async collect(input, _results, collector) {
    const text = await readFile(join(input.workDirectory, 'results.json'), 'utf8').catch(() => '');
    return parseJestJson(text, input.dir, collector) ? undefined : 'vitest wrote no JSON report';
  },
};
