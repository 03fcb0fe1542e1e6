import { afterEach, describe, expect, it } from 'vitest';
import { createBuildProvider } from './build-provider.ts';
import { createCheckFixture, type CheckFixture } from './testing/check-fixture.ts';

const tsconfig = JSON.stringify({
  compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', lib: ['es2022'], skipLibCheck: true, types: [] },
  include: ['src'],
});

const shop = [
  'export interface Item {',
  '  name: string;',
  '  price: number;',
  '}',
  '',
  'export function total(items: Item[]): number {',
  '  return items.reduce((sum, item) => sum + item.price, 0);',
  '}',
  '',
].join('\n');

const brokenAtLine3 = ['export const a = 1;', 'export const b = 2;', "export const c: number = 'three';", ''].join('\n');

let fixture: CheckFixture | undefined;
afterEach(() => {
  fixture?.remove();
  fixture = undefined;
});

describe('build provider', () => {
  it('fails a change that introduces a type error, with the code and the line, on its hunk', async () => {
    const changed = shop.replace('sum + item.price', 'sum + item.cost');
    fixture = createCheckFixture({ 'tsconfig.json': tsconfig, 'src/shop.ts': shop }, { 'src/shop.ts': changed });
    const evidence = await createBuildProvider().doCheck(fixture.context);
    const failures = evidence.filter((item) => item.status === 'fail');
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(/^type error TS2339 at src\/shop\.ts:7: Property 'cost' does not exist/);
    expect(failures[0]?.hunks).toEqual(['src/shop.ts#0']);
    expect(failures[0]?.location).toEqual({ path: 'src/shop.ts', line: 7 });
  });

  it('does not report an error that was already there and only moved down', async () => {
    const shifted = ['// a new comment', '// and another', brokenAtLine3].join('\n');
    fixture = createCheckFixture({ 'tsconfig.json': tsconfig, 'src/broken.ts': brokenAtLine3 }, { 'src/broken.ts': shifted });
    const evidence = await createBuildProvider().doCheck(fixture.context);
    expect(evidence.filter((item) => item.status === 'fail')).toEqual([]);
    expect(evidence).toContainEqual(expect.objectContaining({ status: 'pass', message: 'no new type errors (tsconfig.json; 1 already at the base revision)' }));
  });

  it('passes a change that fixes an error', async () => {
    const fixed = brokenAtLine3.replace("c: number = 'three'", 'c: number = 3');
    fixture = createCheckFixture({ 'tsconfig.json': tsconfig, 'src/broken.ts': brokenAtLine3 }, { 'src/broken.ts': fixed });
    const evidence = await createBuildProvider().doCheck(fixture.context);
    expect(evidence).toEqual([expect.objectContaining({ kind: 'build', status: 'pass', message: 'type-checks (tsconfig.json)', hunks: ['src/broken.ts#0'] })]);
  });

  it('reports an error in an unchanged importer against the whole change', async () => {
    const user = "import { total } from './shop.ts';\nexport const sum = total([]);\n";
    const config = tsconfig.replace('"types":[]', '"types":[],"allowImportingTsExtensions":true');
    fixture = createCheckFixture({ 'tsconfig.json': config, 'src/shop.ts': shop, 'src/user.ts': user }, { 'src/shop.ts': shop.replace('export function total', 'export function sum') });
    const evidence = await createBuildProvider().doCheck(fixture.context);
    const failure = evidence.find((item) => item.status === 'fail');
    expect(failure?.message).toMatch(/^type error TS2305 at src\/user\.ts:1: /);
    expect(failure?.hunks).toEqual([]);
  });

  it('says no tsconfig covers a file, and still checks that it parses', async () => {
    fixture = createCheckFixture({ 'lib/a.js': 'export const a = 1;\n' }, { 'lib/a.js': 'export const a = (1;\n' });
    const evidence = await createBuildProvider().doCheck(fixture.context);
    expect(evidence).toContainEqual(expect.objectContaining({ status: 'unavailable', message: 'no tsconfig.json covers lib/a.js' }));
    expect(evidence).toContainEqual(expect.objectContaining({ status: 'fail', message: "syntax error TS1005 at lib/a.js:1: ')' expected." }));
  });

  it("falls back to codewright's TypeScript when the project has none, and says so", async () => {
    fixture = createCheckFixture({ 'tsconfig.json': tsconfig, 'src/a.ts': 'export const a = 1;\n' }, { 'src/a.ts': 'export const a = 2;\n' }, { nodeModules: false });
    const evidence = await createBuildProvider().doCheck(fixture.context);
    expect(evidence[0]?.message).toMatch(/^type-checks \(tsconfig\.json; with codewright's TypeScript 6\.\d+\.\d+, the project has none installed\)$/);
  });

  it('reports only the Python syntax errors a change introduces', async () => {
    const base = { 'app/old.py': 'def broken(:\n    pass\n', 'app/main.py': 'print(1)\n' };
    fixture = createCheckFixture(base, { 'app/old.py': '# moved\ndef broken(:\n    pass\n', 'app/main.py': 'print(1\n' });
    const evidence = await createBuildProvider().doCheck(fixture.context);
    const failures = evidence.filter((item) => item.status === 'fail');
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(/^Python SyntaxError at app\/main\.py:1: '\(' was never closed/);
    expect(failures[0]?.hunks).toEqual(['app/main.py#0']);
  });

  it('builds referenced projects first, so errors across project references are seen', async () => {
    const project = (references: string[]) =>
      JSON.stringify({
        compilerOptions: { composite: true, strict: true, target: 'es2022', module: 'nodenext', lib: ['es2022'], skipLibCheck: true, types: [], outDir: 'dist' },
        include: ['src'],
        references: references.map((path) => ({ path })),
      });
    const user = "import { a } from '../../a/src/a.js';\nexport const b: number = a;\n";
    fixture = createCheckFixture(
      {
        '.gitignore': 'node_modules\ndist\n*.tsbuildinfo\n',
        'tsconfig.json': JSON.stringify({ files: [], references: [{ path: 'a' }, { path: 'b' }] }),
        'a/tsconfig.json': project([]),
        'a/src/a.ts': 'export const a: number = 1;\n',
        'b/tsconfig.json': project(['../a']),
        'b/src/b.ts': user,
      },
      { 'b/src/b.ts': user.replace('b: number', 'b: string') },
    );
    const evidence = await createBuildProvider().doCheck(fixture.context);
    expect(evidence).toEqual([
      expect.objectContaining({ status: 'fail', message: "type error TS2322 at b/src/b.ts:2: Type 'number' is not assignable to type 'string'.", data: expect.objectContaining({ config: 'b/tsconfig.json', command: 'tsc -b' }) }),
    ]);
  });

  it('is unavailable, with the reason, when tsc runs out of time', async () => {
    fixture = createCheckFixture({ 'tsconfig.json': tsconfig, 'src/a.ts': 'export const a = 1;\n' }, { 'src/a.ts': 'export const a = 2;\n' }, { timeoutMs: 50 });
    const evidence = await createBuildProvider().doCheck(fixture.context);
    expect(evidence).toEqual([{ kind: 'build', status: 'unavailable', message: 'tsc timed out after 50 ms', hunks: ['src/a.ts#0'] }]);
  });

  it('type-checks a project whose deprecated options stop TypeScript 6, ignoring the deprecations and saying so', async () => {
    const deprecated = JSON.stringify({ compilerOptions: { strict: true, noEmit: true, baseUrl: '.', lib: ['es2022'], types: [] }, include: ['src'] });
    fixture = createCheckFixture({ 'tsconfig.json': deprecated, 'src/a.ts': 'export const a: number = 1;\n' }, { 'src/a.ts': "export const a: number = 'one';\n" });
    const evidence = await createBuildProvider().doCheck(fixture.context);
    expect(evidence.map((item) => item.message)).toEqual(["type error TS2322 at src/a.ts:1: Type 'string' is not assignable to type 'number'."]);
  });

  it('is unavailable when the config stops tsc before it checks any file', async () => {
    const broken = JSON.stringify({ compilerOptions: { strict: true, noEmit: true, charset: 'utf8', lib: ['es2022'], types: [] }, include: ['src'] });
    fixture = createCheckFixture({ 'tsconfig.json': broken, 'src/a.ts': 'export const a = 1;\n' }, { 'src/a.ts': 'export const a = 2;\n' });
    const evidence = await createBuildProvider().doCheck(fixture.context);
    expect(evidence).toEqual([expect.objectContaining({ status: 'unavailable', message: expect.stringMatching(/^tsc could not check tsconfig\.json: TS5102 Option 'charset' has been removed\. .*\(the same at the base revision\)$/) })]);
  });
});
