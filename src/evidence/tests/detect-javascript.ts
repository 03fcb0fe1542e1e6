/** Finds the JavaScript/TypeScript test runner of a worktree: vitest, jest, mocha, tap or node:test. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunnerDetection } from './detection.ts';
import { locatePackageBin } from './locate-package.ts';
import { readPackageManifest } from './package-json.ts';
import { packageVersion } from './package-version.ts';
import { runnerFromScripts, type ScriptRunner } from './script-commands.ts';
import { isTestFileFor } from './test-file-patterns.ts';
import type { RunnerName } from './types.ts';

const configFiles: [RegExp, RunnerName][] = [
  [/^vitest\.(config|workspace)\.[cm]?[jt]s$/, 'vitest'],
  [/^jest\.config\.([cm]?[jt]s|json)$/, 'jest'],
  [/^\.mocharc\.(c?js|jsonc?|ya?ml)$/, 'mocha'],
  [/^\.taprc$/, 'tap'],
];

const packages: Record<Exclude<RunnerName, 'node-test' | 'pytest' | 'unittest'>, string> = { vitest: 'vitest', jest: 'jest', mocha: 'mocha', tap: 'tap' };

async function importsNodeTest(dir: string, files: readonly string[]): Promise<boolean> {
  for (const file of files.filter((path) => isTestFileFor('node-test', path)).slice(0, 50)) {
    const text = await readFile(join(dir, file), 'utf8').catch(() => '');
    if (/(from\s+|require\(\s*)['"]node:test['"]/.test(text)) return true;
  }
  return false;
}

async function chooseRunner(dir: string, files: readonly string[]): Promise<ScriptRunner | undefined> {
  const manifest = await readPackageManifest(dir);
  const fromScript = manifest && runnerFromScripts(manifest.scripts);
  if (fromScript) return fromScript;
  const topLevel = files.filter((path) => !path.includes('/'));
  for (const [pattern, name] of configFiles) {
    if (topLevel.some((path) => pattern.test(path))) return { name, reason: `config file ${topLevel.find((path) => pattern.test(path))}`, nodeArgs: [], suiteArgs: [] };
  }
  for (const name of ['vitest', 'jest', 'mocha', 'tap'] as const) {
    if (manifest?.dependencies.has(name) || manifest?.keys.has(name)) return { name, reason: `package.json lists ${name}`, nodeArgs: [], suiteArgs: [] };
  }
  if (await importsNodeTest(dir, files)) return { name: 'node-test', reason: "test files import 'node:test'", nodeArgs: [], suiteArgs: [] };
  return undefined;
}

/** Detects the runner from package.json scripts and dependencies, config files, and `node:test` imports. */
export async function detectJavaScriptRunner(dir: string, files: readonly string[]): Promise<RunnerDetection> {
  const chosen = await chooseRunner(dir, files);
  if (!chosen) {
    return { status: 'none', language: 'javascript', reason: 'no test runner found: add a test script to package.json (vitest, jest, mocha, tap or node --test)' };
  }
  const reason = chosen.reason;
  if (chosen.name === 'node-test') {
    return {
      status: 'found',
      runner: { name: 'node-test', language: 'javascript', program: process.execPath, baseArgs: chosen.nodeArgs, suiteArgs: chosen.suiteArgs, reason },
    };
  }
  const bin = await locatePackageBin(dir, packages[chosen.name as keyof typeof packages]);
  if (bin === undefined) {
    return { status: 'unavailable', language: 'javascript', reason: `${chosen.name} is the test runner (${reason}) but it is not installed: run npm install` };
  }
  // tap 18 is a rewrite with another command line (`tap run`, plugins, no --output-file).
  const tapVersion = chosen.name === 'tap' ? await packageVersion(dir, 'tap') : undefined;
  if (tapVersion && tapVersion[0] >= 18) {
    return { status: 'unavailable', language: 'javascript', reason: `tap ${tapVersion.join('.')} is the test runner (${reason}); codewright drives tap up to version 16` };
  }
  const baseArgs = chosen.name === 'vitest' ? [bin, 'run'] : [bin];
  return { status: 'found', runner: { name: chosen.name, language: 'javascript', program: process.execPath, baseArgs, suiteArgs: [], reason } };
}
