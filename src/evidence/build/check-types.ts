/** The TypeScript/JavaScript half of the build evidence: tsc on base (cached per commit) and change per covering tsconfig, new errors only. */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Evidence } from '../../core/change.ts';
import { ok, type Result } from '../../core/result.ts';
import type { CheckContext } from '../types.ts';
import { cachedBaseDiagnostics, cacheableCommit, type BaseDiagnostics } from './base-cache.ts';
import { diagnosticKey, failuresFor, withoutWorktree } from './diagnostic-evidence.ts';
import { needsBuildMode } from './build-mode.ts';
import { findCoveringConfigs } from './find-tsconfig.ts';
import { buildInfoPath, supportsIncremental, writeSeed } from './incremental.ts';
import { hunkIdsOf } from './hunk-lines.ts';
import { introducedFindings } from './new-findings.ts';
import { dependencyFingerprint } from './dependency-fingerprint.ts';
import { compilerNote, projectTypescript, type TypescriptCompiler } from './project-typescript.ts';
import { runTsc, tscArguments, type RunTscOptions } from './run-tsc.ts';
import { syntaxErrors } from './syntax-check.ts';
import type { TypeDiagnostic } from './tsc-output.ts';

/** Files TypeScript reads: .ts, .tsx, .mts, .cts and their JavaScript twins. */
export const typescriptFile = /\.(c|m)?(t|j)sx?$/;

const declarationFile = /\.d\.(c|m)?ts$/;

const located = (diagnostics: TypeDiagnostic[]) => diagnostics.map((diagnostic) => ({ ...diagnostic, key: diagnosticKey(diagnostic) }));

/** Diagnostics about the options or a config file rather than about source. */
function isConfigDiagnostic(diagnostic: TypeDiagnostic): boolean {
  return diagnostic.path === '' || diagnostic.path.endsWith('.json');
}

/** TS5101/TS5107: an option is deprecated. TypeScript 6 then stops before checking any file, unless told to ignore it. */
const deprecationCodes = new Set(['TS5101', 'TS5107']);

/** What keys the base side of every config in the cache; undefined when it is not cached. */
interface BaseCacheScope {
  commit: string;
  dependencies: string;
}

function baseCacheScope(context: CheckContext): BaseCacheScope | undefined {
  const commit = cacheableCommit(context.change.base);
  // A base folder that is the change's own folder is no clean checkout of the commit.
  if (!commit || context.baseDir === context.changeDir) return undefined;
  return { commit, dependencies: dependencyFingerprint(context.root) };
}

type TscResults = [Result<BaseDiagnostics, string>, Result<TypeDiagnostic[], string>];

/**
 * Runs tsc in both worktrees, the base side through the cache (diagnostics worktree-independent);
 * reruns with `--ignoreDeprecations` when deprecated options alone stopped the check.
 */
async function typeCheckBoth(
  context: CheckContext,
  config: string,
  options: Omit<RunTscOptions, 'dir' | 'config' | 'extraArgs'> & { compiler: TypescriptCompiler },
  scope: BaseCacheScope | undefined,
): Promise<{ results: TscResults; note: string }> {
  const run = (dir: string, extraArgs: string[], buildInfoFile?: string) => runTsc({ ...options, dir, config, extraArgs, ...(buildInfoFile ? { buildInfoFile } : {}) });
  const incremental = !options.build && supportsIncremental(options.compiler);
  const stateFile = (extraArgs: string[]) => buildInfoPath([config, ...extraArgs].join(' '));
  const runBase = async (extraArgs: string[]) => {
    const state = incremental && (await writeSeed(options.compiler, join(context.baseDir, stateFile(extraArgs)), options.timeoutMs, context.signal)) ? stateFile(extraArgs) : undefined;
    const result = await run(context.baseDir, extraArgs, state);
    return result.success ? ok(withoutWorktree(context.baseDir, result.value)) : result;
  };
  const base = (extraArgs: string[]): Promise<Result<BaseDiagnostics, string>> => {
    if (!existsSync(`${context.baseDir}/${config}`)) return Promise.resolve(ok({ diagnostics: [], fromCache: false }));
    const { version, source } = options.compiler;
    const key = scope && { ...scope, config, typescript: { version, source }, arguments: tscArguments({ ...options, config, extraArgs }) };
    return cachedBaseDiagnostics(context.root, key, () => runBase(extraArgs), context.logger, incremental ? join(context.baseDir, stateFile(extraArgs)) : undefined);
  };
  // The change starts from the base's incremental state when there is one, so it waits for the base.
  const both = async (extraArgs: string[]): Promise<TscResults> => {
    if (!incremental) return Promise.all([base(extraArgs), run(context.changeDir, extraArgs)]);
    const baseResult = await base(extraArgs);
    const state = baseResult.success ? baseResult.value.buildInfo : undefined;
    if (!state) return [baseResult, await run(context.changeDir, extraArgs)];
    const file = stateFile(extraArgs);
    mkdirSync(dirname(join(context.changeDir, file)), { recursive: true });
    copyFileSync(state, join(context.changeDir, file));
    return [baseResult, await run(context.changeDir, extraArgs, file)];
  };
  const first: TscResults = await both([]);
  const changed = first[1];
  const stopped = changed.success && changed.value.length > 0 && changed.value.every(isConfigDiagnostic) && changed.value.some((diagnostic) => deprecationCodes.has(diagnostic.code));
  if (!stopped || options.build) return { results: first, note: '' };
  const value = `${options.compiler.version.split('.')[0]}.0`;
  return { results: await both(['--ignoreDeprecations', value]), note: `; deprecated options ignored with --ignoreDeprecations ${value}` };
}

/** Type-checks one config in both worktrees and reports the errors the change adds. */
async function checkConfig(context: CheckContext, config: string, files: string[], scope: BaseCacheScope | undefined): Promise<Evidence[]> {
  const hunks = hunkIdsOf(context.hunks, files);
  const compiler = projectTypescript(context.changeDir, dirname(config));
  if (!compiler) return [{ kind: 'build', status: 'unavailable', message: `TypeScript is not installed; cannot type-check ${config}`, hunks }];
  const build = needsBuildMode(context.changeDir, config);
  // `tsc -b` takes no compiler options on its command line.
  const skipLibCheck = !build && !context.change.files.some((file) => declarationFile.test(file.newPath ?? file.oldPath ?? ''));
  const options = { tscPath: compiler.tscPath, compiler, build, skipLibCheck, timeoutMs: context.timeoutMs, signal: context.signal };
  const { results, note } = await typeCheckBoth(context, config, options, scope);
  const [base, changed] = results;
  if (!changed.success) return [{ kind: 'build', status: 'unavailable', message: changed.error, hunks }];
  if (!base.success) return [{ kind: 'build', status: 'unavailable', message: `${base.error} (base revision)`, hunks }];
  const baseDiagnostics = located(base.value.diagnostics);
  const changeDiagnostics = located(withoutWorktree(context.changeDir, changed.value));
  const introduced = introducedFindings(baseDiagnostics, changeDiagnostics, context.change);
  const fromCache = base.value.fromCache;
  const data = { config, command: build ? 'tsc -b' : 'tsc --noEmit -p', typescript: { version: compiler.version, source: compiler.source }, baseFromCache: fromCache };
  if (introduced.length > 0) return failuresFor('build', 'type error', introduced, context.hunks, data);
  // Only errors about the options or the config: tsc most likely stopped before checking any file.
  const blocking = changeDiagnostics.find((diagnostic) => diagnostic.category === 'error');
  if (blocking && changeDiagnostics.every(isConfigDiagnostic)) {
    const message = `tsc could not check ${config}: ${blocking.code} ${blocking.message.split('\n')[0]} (the same at the base revision)`;
    return [{ kind: 'build', status: 'unavailable', message, hunks, data }];
  }
  const errors = changeDiagnostics.filter((diagnostic) => diagnostic.category === 'error').length;
  const suffix = `${note}${compilerNote(compiler)}${fromCache ? '; base diagnostics from the cache' : ''}`;
  const message = errors === 0 ? `type-checks (${config}${suffix})` : `no new type errors (${config}; ${errors} already at the base revision${suffix})`;
  return [{ kind: 'build', status: 'pass', message, hunks, data }];
}

/** `src/a.ts`, or `3 files (src/a.ts, src/b.ts, …)`. */
function fileList(paths: readonly string[]): string {
  if (paths.length === 1) return paths[0] as string;
  const shown = paths.slice(0, 3).join(', ');
  return `${paths.length} files (${shown}${paths.length > 3 ? ', …' : ''})`;
}

/** Files no config covers: they must still parse, and the report says they were not type-checked. */
function checkUncovered(context: CheckContext, paths: string[]): Evidence[] {
  if (paths.length === 0) return [];
  const hunks = hunkIdsOf(context.hunks, paths);
  const evidence: Evidence[] = [{ kind: 'build', status: 'unavailable', message: `no tsconfig.json covers ${fileList(paths)}`, hunks }];
  const oldPaths = paths.filter((path) => existsSync(`${context.baseDir}/${path}`));
  const base = located(syntaxErrors(context.baseDir, oldPaths));
  const introduced = introducedFindings(base, located(syntaxErrors(context.changeDir, paths)), context.change);
  evidence.push(...failuresFor('build', 'syntax error', introduced, context.hunks));
  const broken = new Set(introduced.map((diagnostic) => diagnostic.path));
  const parsing = paths.filter((entry) => !broken.has(entry));
  if (parsing.length > 0) evidence.push({ kind: 'build', status: 'pass', message: `parses (${fileList(parsing)})`, hunks: hunkIdsOf(context.hunks, parsing) });
  return evidence;
}

/** Build evidence for the TypeScript and JavaScript files a change leaves or deletes. */
export async function checkTypeScript(context: CheckContext, paths: string[], deletedPaths: string[]): Promise<Evidence[]> {
  const coverage = findCoveringConfigs(context.changeDir, paths);
  // A deleted file can break its importers: type-check the configs that covered it, if they remain.
  for (const config of findCoveringConfigs(context.baseDir, deletedPaths).configs.keys()) {
    if (!coverage.configs.has(config) && existsSync(`${context.changeDir}/${config}`)) coverage.configs.set(config, []);
  }
  const evidence = checkUncovered(context, coverage.uncovered);
  const scope = coverage.configs.size > 0 ? baseCacheScope(context) : undefined;
  for (const [config, files] of coverage.configs) evidence.push(...(await checkConfig(context, config, files, scope)));
  return evidence;
}
