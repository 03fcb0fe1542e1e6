import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Evidence } from '../../core/change.ts';
import { silentLogger } from '../../core/logger.ts';
import { fail, ok } from '../../core/result.ts';
import { baseCacheDirectory, cachedBaseDiagnostics, type BaseCacheKey } from './base-cache.ts';
import { createBuildProvider } from './build-provider.ts';
import { dependencyFingerprint } from './dependency-fingerprint.ts';
import { buildInfoPath } from './incremental.ts';
import { codewrightNodeModules } from './testing/check-fixture.ts';
import { createCheckRepository, type CheckRepository } from './testing/check-repository.ts';
import type { TypeDiagnostic } from './tsc-output.ts';

const tsconfig = JSON.stringify({
  compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', lib: ['es2022'], skipLibCheck: true, types: [] },
  include: ['src'],
});

const brokenAtLine3 = ['export const a = 1;', 'export const b = 2;', "export const c: number = 'three';", ''].join('\n');
const fixedAtLine3 = brokenAtLine3.replace("c: number = 'three'", 'c: number = 3');
const shifted = `// a new comment\n${brokenAtLine3}`;

let repository: CheckRepository | undefined;
const folders: string[] = [];
afterEach(() => {
  repository?.remove();
  repository = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'codewright-base-cache-'));
  folders.push(folder);
  return folder;
}

const check = (context: Parameters<ReturnType<typeof createBuildProvider>['doCheck']>[0]) => createBuildProvider().doCheck(context);
const fromCache = (evidence: Evidence[]) => evidence.map((item) => item.data?.baseFromCache);

/** A node_modules holding only a TypeScript that says it is `version`, running codewright's compiler. */
function typescriptModules(version: string): { folder: string; setVersion(version: string): void } {
  const folder = join(temporaryFolder(), 'node_modules');
  const real = join(codewrightNodeModules, 'typescript');
  const manifest = JSON.parse(readFileSync(join(real, 'package.json'), 'utf8')) as Record<string, unknown>;
  mkdirSync(join(folder, 'typescript'), { recursive: true });
  for (const entry of ['bin', 'lib']) symlinkSync(join(real, entry), join(folder, 'typescript', entry));
  const setVersion = (next: string) => writeFileSync(join(folder, 'typescript', 'package.json'), JSON.stringify({ ...manifest, version: next }));
  setVersion(version);
  return { folder, setVersion };
}

describe('base type-check cache', () => {
  it('checks a second change against the same base commit with the cached base diagnostics, reporting exactly the new errors', async () => {
    repository = createCheckRepository({ 'tsconfig.json': tsconfig, 'src/broken.ts': brokenAtLine3 });
    const first = await check(repository.check({ 'src/broken.ts': shifted }));
    expect(first).toEqual([expect.objectContaining({ status: 'pass', message: 'no new type errors (tsconfig.json; 1 already at the base revision)' })]);
    expect(fromCache(first)).toEqual([false]);

    // The base worktree no longer matches its commit: a tsc run there would find no error, and the moved one would count as new.
    const second = repository.check({ 'src/broken.ts': `${shifted}export const d: string = 4;\n` });
    writeFileSync(join(second.baseDir, 'src/broken.ts'), fixedAtLine3);
    const evidence = await check(second);
    expect(evidence.map((item) => item.message)).toEqual(["type error TS2322 at src/broken.ts:5: Type 'number' is not assignable to type 'string'."]);
    expect(fromCache(evidence)).toEqual([true]);

    const third = repository.check({ 'src/broken.ts': shifted });
    writeFileSync(join(third.baseDir, 'src/broken.ts'), fixedAtLine3);
    expect(await check(third)).toEqual([
      expect.objectContaining({ status: 'pass', message: 'no new type errors (tsconfig.json; 1 already at the base revision; base diagnostics from the cache)' }),
    ]);
  });

  it('stores the diagnostics without the worktree path, one JSON entry per key', async () => {
    const importer = "import { missing } from './nowhere.js';\nexport const value = missing;\n";
    repository = createCheckRepository({ 'tsconfig.json': tsconfig, 'src/user.ts': importer, 'src/a.ts': 'export const a = 1;\n' });
    const context = repository.check({ 'src/a.ts': 'export const a = 2;\n' });
    await check(context);
    const entries = readdirSync(baseCacheDirectory(repository.root)).sort();
    expect(entries).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.json$/), expect.stringMatching(/^[0-9a-f]{64}\.tsbuildinfo$/)]);
    const text = readFileSync(join(baseCacheDirectory(repository.root), entries[0] as string), 'utf8');
    expect(text).not.toContain(context.baseDir);
    // tsc's incremental state names files relative to itself, so that it serves any change worktree.
    expect(readFileSync(join(baseCacheDirectory(repository.root), entries[1] as string), 'utf8')).not.toContain(context.baseDir);
    const entry = JSON.parse(text) as { key: BaseCacheKey; diagnostics: TypeDiagnostic[] };
    expect(entry.key).toMatchObject({ commit: context.change.base, config: 'tsconfig.json', arguments: ['--noEmit', '-p', 'tsconfig.json', '--pretty', 'false', '--skipLibCheck'] });
    expect(entry.diagnostics).toEqual([expect.objectContaining({ path: 'src/user.ts', line: 1, code: 'TS2307' })]);
  });

  it('type-checks the change from the base build\'s incremental state, which has declaration signatures, and still sees a broken importer', async () => {
    const lib = (type: string, body: string) => `export function double(value: ${type}): ${type} {\n  return ${body};\n}\n`;
    repository = createCheckRepository({ 'tsconfig.json': tsconfig, 'src/lib.ts': lib('number', 'value * 2'), 'src/user.ts': "import { double } from './lib.js';\nexport const four = double(2);\n" });
    const body = repository.check({ 'src/lib.ts': lib('number', 'value + value') });
    expect(await check(body)).toEqual([expect.objectContaining({ status: 'pass', message: 'type-checks (tsconfig.json)' })]);
    const [stateName] = readdirSync(baseCacheDirectory(repository.root)).filter((name) => name.endsWith('.tsbuildinfo'));
    const state = JSON.parse(readFileSync(join(baseCacheDirectory(repository.root), stateName!), 'utf8')) as { fileNames: string[]; fileInfos: unknown[] };
    // Started from the seed, the base build stored a declaration signature apart from the file's hash: without
    // it every changed file would count as changed in shape, and tsc would check all its importers again.
    const info = state.fileInfos[state.fileNames.indexOf('../../src/lib.ts')] as { version: string; signature?: unknown };
    expect(typeof info.signature).toBe('string');
    expect(info.signature).not.toBe(info.version);

    const broken = repository.check({ 'src/lib.ts': lib('string', 'value + value') });
    const evidence = await check(broken);
    expect(fromCache(evidence)).toEqual([true]);
    expect(existsSync(join(broken.changeDir, buildInfoPath('tsconfig.json')))).toBe(true);
    expect(evidence.map((item) => item.message)).toEqual(["type error TS2345 at src/user.ts:2: Argument of type 'number' is not assignable to parameter of type 'string'."]);
  });

  it('misses the cache when a lockfile of the tree changes', async () => {
    repository = createCheckRepository({ 'tsconfig.json': tsconfig, 'src/a.ts': 'export const a = 1;\n' });
    const change = { 'src/a.ts': 'export const a = 2;\n' };
    expect(fromCache(await check(repository.check(change)))).toEqual([false]);
    expect(fromCache(await check(repository.check(change)))).toEqual([true]);
    repository.write({ 'package-lock.json': '{"lockfileVersion":3,"packages":{}}\n' });
    expect(fromCache(await check(repository.check(change)))).toEqual([false]);
    expect(fromCache(await check(repository.check(change)))).toEqual([true]);
  });

  it('misses the cache when the project has another TypeScript version', async () => {
    const modules = typescriptModules('6.0.1');
    repository = createCheckRepository({ 'tsconfig.json': tsconfig, 'src/a.ts': 'export const a = 1;\n' }, { nodeModules: modules.folder });
    const change = { 'src/a.ts': 'export const a = 2;\n' };
    expect(fromCache(await check(repository.check(change)))).toEqual([false]);
    expect(fromCache(await check(repository.check(change)))).toEqual([true]);
    modules.setVersion('6.0.2');
    const evidence = await check(repository.check(change));
    expect(evidence).toEqual([expect.objectContaining({ status: 'pass', data: expect.objectContaining({ typescript: { version: '6.0.2', source: 'project' }, baseFromCache: false }) })]);
  });

  it('misses the cache for another base commit', async () => {
    repository = createCheckRepository({ 'tsconfig.json': tsconfig, 'src/a.ts': 'export const a = 1;\n' });
    const change = { 'src/a.ts': 'export const a = 2;\n' };
    const first = repository.check(change);
    expect(fromCache(await check(first))).toEqual([false]);
    repository.commit({ 'README.md': 'a project\n' });
    expect(fromCache(await check(repository.check(change)))).toEqual([false]);
    expect(fromCache(await check(repository.check(change, { base: first.change.base })))).toEqual([true]);
  });

  it('does not cache a base type-check that timed out', async () => {
    repository = createCheckRepository({ 'tsconfig.json': tsconfig, 'src/a.ts': 'export const a = 1;\n' });
    const change = { 'src/a.ts': 'export const a = 2;\n' };
    expect(await check(repository.check(change, { timeoutMs: 50 }))).toEqual([expect.objectContaining({ status: 'unavailable', message: 'tsc timed out after 50 ms' })]);
    expect(fromCache(await check(repository.check(change)))).toEqual([false]);
  });
});

describe('cachedBaseDiagnostics', () => {
  const key: BaseCacheKey = { commit: 'a'.repeat(40), config: 'tsconfig.json', typescript: { version: '6.0.3', source: 'project' }, arguments: ['--noEmit'], dependencies: 'none' };
  const diagnostic: TypeDiagnostic = { path: 'src/a.ts', line: 1, column: 7, code: 'TS2322', category: 'error', message: "Type 'string' is not assignable to type 'number'." };

  function counted(result: ReturnType<typeof ok<TypeDiagnostic[]>> | ReturnType<typeof fail<string>>) {
    const run = async () => {
      run.calls += 1;
      return result;
    };
    run.calls = 0;
    return run;
  }

  it('stores only a run that completed, and answers later calls from the store', async () => {
    const root = temporaryFolder();
    const timedOut = counted(fail('tsc timed out after 50 ms'));
    expect(await cachedBaseDiagnostics(root, key, timedOut, silentLogger)).toEqual(fail('tsc timed out after 50 ms'));
    const completed = counted(ok([diagnostic]));
    expect(await cachedBaseDiagnostics(root, key, completed, silentLogger)).toEqual(ok({ diagnostics: [diagnostic], fromCache: false }));
    expect(await cachedBaseDiagnostics(root, key, completed, silentLogger)).toEqual(ok({ diagnostics: [diagnostic], fromCache: true }));
    expect([timedOut.calls, completed.calls]).toEqual([1, 1]);
    expect(readdirSync(baseCacheDirectory(root)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('ignores a corrupt entry and writes it again', async () => {
    const root = temporaryFolder();
    const run = counted(ok([diagnostic]));
    await cachedBaseDiagnostics(root, key, run, silentLogger);
    const [entry] = readdirSync(baseCacheDirectory(root));
    const path = join(baseCacheDirectory(root), entry as string);
    for (const corrupt of ['{"version":1,"key":', JSON.stringify({ version: 1, key, diagnostics: [{ path: 'src/a.ts' }] }), JSON.stringify({ version: 1, key: { ...key, config: 'other.json' }, diagnostics: [] })]) {
      writeFileSync(path, corrupt);
      expect(await cachedBaseDiagnostics(root, key, run, silentLogger)).toEqual(ok({ diagnostics: [diagnostic], fromCache: false }));
      expect(await cachedBaseDiagnostics(root, key, run, silentLogger)).toEqual(ok({ diagnostics: [diagnostic], fromCache: true }));
    }
    expect(run.calls).toBe(4);
  });

  it('runs without storing when there is no key, and still answers when the store cannot be written', async () => {
    const root = temporaryFolder();
    const run = counted(ok([diagnostic]));
    await cachedBaseDiagnostics(root, undefined, run, silentLogger);
    await cachedBaseDiagnostics(root, undefined, run, silentLogger);
    expect(run.calls).toBe(2);
    writeFileSync(join(root, '.codewright'), 'a file where the data folder should be');
    expect(await cachedBaseDiagnostics(root, key, run, silentLogger)).toEqual(ok({ diagnostics: [diagnostic], fromCache: false }));
  });
});

describe('dependency fingerprint', () => {
  it('changes with an install record in any node_modules or a lockfile, not with package.json', () => {
    const root = temporaryFolder();
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(join(root, 'package.json'), '{"name":"a"}');
    const before = dependencyFingerprint(root);
    writeFileSync(join(root, 'package.json'), '{"name":"a","dependencies":{"b":"1"}}');
    expect(dependencyFingerprint(root)).toBe(before);
    writeFileSync(join(root, 'node_modules', '.package-lock.json'), '{"packages":{}}');
    const installed = dependencyFingerprint(root);
    expect(installed).not.toBe(before);
    mkdirSync(join(root, 'packages', 'a', 'node_modules'), { recursive: true });
    writeFileSync(join(root, 'packages', 'a', 'node_modules', '.modules.yaml'), 'layoutVersion: 5\n');
    const nested = dependencyFingerprint(root);
    expect(nested).not.toBe(installed);
    writeFileSync(join(root, 'packages', 'a', 'yarn.lock'), '# yarn lockfile v1\n');
    expect(dependencyFingerprint(root)).not.toBe(nested);
  });
});
