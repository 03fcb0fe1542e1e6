import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodewrightError } from '../../core/errors.ts';
import { problemToError } from './problems.ts';
import { collect, type Collected } from './testing/collect.ts';
import { createFixtureFolder, createMonorepo, type FixtureFolder } from './testing/fixture-repository.ts';
import { createTypeScriptBackend } from './typescript-backend.ts';

const main = 'packages/b/src/main.ts';
const greetImplementation = { path: 'packages/a/src/greet.ts', line: 4, column: 16 };

describe('the TypeScript backend on a two-package monorepo', () => {
  let repo: FixtureFolder;
  let result: Collected;
  const use = (path: string, line: number, token: string, occurrence = 1) => result.at(path, line, repo.column(path, line, token, occurrence));

  beforeAll(async () => {
    repo = createMonorepo();
    result = await collect(createTypeScriptBackend(), { root: repo.root });
  });
  afterAll(() => repo.remove());

  it('declares itself as a version 1 backend', () => {
    const backend = createTypeScriptBackend();
    expect(backend.specificationVersion).toBe('v1');
    expect(backend.name).toBe('typescript');
  });

  it('resolves each file in the program of its own tsconfig, loose JS in the inferred one', () => {
    expect(result.problems).toEqual([]);
    expect(Object.fromEntries([...result.files].map(([path, file]) => [path, file.program]))).toEqual({
      'packages/a/src/greet.ts': 'packages/a/tsconfig.json',
      'packages/a/src/index.ts': 'packages/a/tsconfig.json',
      'packages/a/src/shape.ts': 'packages/a/tsconfig.json',
      'packages/b/src/main.ts': 'packages/b/tsconfig.json',
      'scripts/double.js': 'inferred',
      'scripts/tool.js': 'inferred',
    });
  });

  it('resolves a call across packages, through the workspace link and project reference, to the overload implementation', () => {
    expect(use(main, 6, 'greet')?.target).toEqual(greetImplementation);
  });

  it('follows renaming re-exports and path aliases to the declaration', () => {
    expect(use(main, 6, 'hello')?.target).toEqual(greetImplementation);
    expect(use(main, 7, 'greetDirect')?.target).toEqual(greetImplementation);
    expect(use('packages/a/src/index.ts', 2, 'hello')?.target).toEqual(greetImplementation);
  });

  it('points import names at what they import', () => {
    expect(use(main, 1, 'greet')?.target).toEqual(greetImplementation);
    expect(use(main, 1, 'Shape')?.target).toEqual({ path: 'packages/a/src/shape.ts', line: 1, column: 13 });
  });

  it('resolves class methods through `export *` and the inferred types of expressions', () => {
    expect(use(main, 5, 'Shape')?.target).toEqual({ path: 'packages/a/src/shape.ts', line: 1, column: 13 });
    expect(use(main, 5, 'scale')?.target).toEqual({ path: 'packages/a/src/shape.ts', line: 9, column: 2 });
    expect(use(main, 6, 'area')?.target).toEqual({ path: 'packages/a/src/shape.ts', line: 6, column: 2 });
  });

  it('marks declarations outside the repository as external', () => {
    expect(use(main, 6, 'console')?.target).toBe('external');
    expect(use(main, 6, 'log')?.target).toBe('external');
  });

  it('resolves a local that shadows an import to the local', () => {
    expect(use(main, 12, 'greet')?.target).toEqual({ path: main, line: 11, column: 8 });
  });

  it('resolves JavaScript files that no tsconfig includes', () => {
    expect(use('scripts/tool.js', 3, 'double')?.target).toEqual({ path: 'scripts/double.js', line: 1, column: 16 });
  });

  it('counts uses, resolved uses and declaration names per file', () => {
    const file = result.files.get(main);
    // main, shape, shadow, greet (the local), who
    expect(file?.counts).toEqual({ identifiers: 18, resolved: 18, declarationNames: 5 });
    expect(file?.occurrences).toHaveLength(18);
    expect(file?.occurrences.some((occurrence) => occurrence.line === 4)).toBe(false);
  });

  it('gives the same answers when programs are spread over worker threads', async () => {
    const threaded = await collect(createTypeScriptBackend({ workers: 2 }), { root: repo.root });
    expect([...threaded.files.keys()].sort()).toEqual([...result.files.keys()].sort());
    for (const [path, file] of result.files) expect(threaded.files.get(path)).toEqual(file);
  });

  it('stops with the abort reason, on the calling thread and in workers', async () => {
    for (const workers of [0, 2]) {
      const controller = new AbortController();
      const run = async () => {
        for await (const batch of createTypeScriptBackend({ workers, batchSize: 1 }).doResolve({ root: repo.root, signal: controller.signal })) {
          if (batch.files.length > 0) controller.abort(new Error(`stopped ${workers}`));
        }
      };
      await expect(run()).rejects.toThrow(`stopped ${workers}`);
    }
  });

  it('resolves only the requested files and builds only their programs', async () => {
    const events: string[] = [];
    const partial = await collect(createTypeScriptBackend(), {
      root: repo.root,
      files: [main],
      onProgress: (event) => events.push(`${event.stage} ${event.done}/${event.total}`),
    });
    expect([...partial.files.keys()]).toEqual([main]);
    expect(partial.files.get(main)).toEqual(result.files.get(main));
    expect(events).toContain('resolve 1/1');
  });
});

describe('the TypeScript backend on language corners', () => {
  let repo: FixtureFolder;
  let result: Collected;
  const use = (path: string, line: number, token: string, occurrence = 1) => result.at(path, line, repo.column(path, line, token, occurrence));
  const lib = (line: number, column: number) => ({ path: 'src/lib.ts', line, column });

  beforeAll(async () => {
    repo = createFixtureFolder({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, jsx: 'preserve', target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', allowJs: true }, include: ['src'] }),
      'src/lib.ts': [
        'export enum Color { Red, Green }',
        'export namespace NS { export namespace Deep { export type T = string; } }',
        'export default function defaultFn() { return 1; }',
        'export interface Props { label: string; }',
        'export const obj = { key: 1 };',
        '',
      ].join('\n'),
      'src/use.tsx': [
        "import defaultFn, { Color, NS, type Props, obj } from './lib';",
        "import * as lib from './lib';",
        "const c = Color.Green; const d: NS.Deep.T = 'x';",
        'const { key: renamed } = obj; const short = { renamed }; const frozen = [c] as const;',
        'function Comp(props: Props) { return <p title={props.label}>{defaultFn()}</p>; }',
        'const el = <Comp label="x" />;',
        'class K { constructor(private readonly v: number) {} get(): number { return this.v + lib.obj.key; } }',
        'outer: for (;;) { break outer; }',
        'export { d, short, frozen, el, K };',
        '',
      ].join('\n'),
      'src/helper.js': ['function helper(n) { return n + 1; }', 'module.exports = { helper };', ''].join('\n'),
      'src/cjs.js': ["const { helper } = require('./helper');", 'helper(1);', ''].join('\n'),
    });
    result = await collect(createTypeScriptBackend(), { root: repo.root });
  });
  afterAll(() => repo.remove());

  it('resolves enum members, qualified type names, default and namespace imports', () => {
    expect(use('src/use.tsx', 3, 'Green')?.target).toEqual(lib(1, 25));
    expect(use('src/use.tsx', 3, 'Deep')?.target).toEqual(lib(2, 39));
    expect(use('src/use.tsx', 3, 'T')?.target).toEqual(lib(2, 58));
    expect(use('src/use.tsx', 5, 'defaultFn')?.target).toEqual(lib(3, 24));
    // A namespace import points at the module: the start of its file.
    expect(use('src/use.tsx', 7, 'lib')?.target).toEqual(lib(1, 0));
    expect(use('src/use.tsx', 7, 'key')?.target).toEqual(lib(5, 21));
  });

  it('resolves destructured properties, shorthand values, JSX props and parameter properties', () => {
    expect(use('src/use.tsx', 4, 'key')?.target).toEqual(lib(5, 21));
    expect(use('src/use.tsx', 4, 'renamed', 2)?.target).toEqual({ path: 'src/use.tsx', line: 4, column: 13 });
    expect(use('src/use.tsx', 5, 'label')?.target).toEqual(lib(4, 25));
    expect(use('src/use.tsx', 6, 'label')?.target).toEqual(lib(4, 25));
    expect(use('src/use.tsx', 7, 'v +')?.target).toEqual({ path: 'src/use.tsx', line: 7, column: 39 });
  });

  it('skips labels and the const of `as const`, which are not uses of declarations', () => {
    const names = result.files.get('src/use.tsx')?.occurrences.map((occurrence) => occurrence.name);
    expect(names).not.toContain('outer');
    expect(names).not.toContain('const');
  });

  it('follows CommonJS require in JavaScript', () => {
    expect(use('src/cjs.js', 2, 'helper')?.target).toEqual({ path: 'src/helper.js', line: 1, column: 9 });
  });
});

describe('the TypeScript backend on broken setups', () => {
  it('reports a broken tsconfig and a missing extends, and resolves their files with default options', async () => {
    const repo = createFixtureFolder({
      'packages/c/tsconfig.json': '{ "compilerOptions": { "strict": true, } "include": ["src"] }',
      'packages/c/src/c.ts': 'export const c = 1;\nexport const d = c + 1;\n',
      'packages/d/tsconfig.json': '{ "extends": "./missing-base.json" }',
      'packages/d/src/d.ts': "import { c } from '../../c/src/c.ts';\nexport const e = c;\n",
      'packages/e/tsconfig.json': '{ "compilerOptions": { "strict": true }, "include": ["src"] }',
      'packages/e/src/e.ts': 'export const e = 2;\nexport const f = e * 2;\n',
    });
    try {
      const result = await collect(createTypeScriptBackend(), { root: repo.root });
      const errors = result.problems.filter((problem) => problem.severity === 'error').map(problemToError);
      expect(errors.map((error) => error.code).sort()).toEqual(['NOT_FOUND', 'PARSE_FAILED']);
      const parse = errors.find((error) => error.code === 'PARSE_FAILED');
      expect(parse).toBeInstanceOf(CodewrightError);
      expect(parse?.message).toMatch(/Cannot parse packages\/c\/tsconfig.json: line 1:\d+ TS\d+ .*Fix the JSON/);
      expect(parse?.data.config).toBe('packages/c/tsconfig.json');
      expect(errors.find((error) => error.code === 'NOT_FOUND')?.message).toMatch(/packages\/d\/tsconfig.json: .*missing-base.json.*"extends"/);
      expect(result.files.get('packages/c/src/c.ts')?.program).toBe('inferred');
      expect(result.files.get('packages/d/src/d.ts')?.program).toBe('inferred');
      expect(result.files.get('packages/e/src/e.ts')?.program).toBe('packages/e/tsconfig.json');
      expect(result.at('packages/d/src/d.ts', 2, 17)?.target).toEqual({ path: 'packages/c/src/c.ts', line: 1, column: 13 });
      expect(result.at('packages/e/src/e.ts', 2, 17)?.target).toEqual({ path: 'packages/e/src/e.ts', line: 1, column: 13 });
    } finally {
      repo.remove();
    }
  });

  it('warns about imports that do not resolve, pointing at installing dependencies', async () => {
    const repo = createFixtureFolder({ 'src/app.ts': "import { thing } from 'not-installed';\nexport const value = thing;\n" });
    try {
      const result = await collect(createTypeScriptBackend(), { root: repo.root });
      expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'NOT_FOUND', message: expect.stringMatching(/'not-installed'.*Install the repository's dependencies/) })]);
      // A use of an import whose module is missing points at the import, as go-to-definition does.
      expect(result.at('src/app.ts', 2, 21)?.target).toEqual({ path: 'src/app.ts', line: 1, column: 9 });
    } finally {
      repo.remove();
    }
  });

  it('says so when a repository has no TypeScript or JavaScript', async () => {
    const repo = createFixtureFolder({ 'README.md': '# nothing to resolve\n', 'main.py': 'print(1)\n' });
    try {
      const result = await collect(createTypeScriptBackend(), { root: repo.root });
      expect(result.files.size).toBe(0);
      expect(result.problems).toEqual([expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/No TypeScript or JavaScript files/) })]);
    } finally {
      repo.remove();
    }
  });

  it('throws a CodewrightError for a root that is not a folder', async () => {
    const failure = collect(createTypeScriptBackend(), { root: '/nonexistent/codewright-precise' });
    await expect(failure).rejects.toSatisfy((error: unknown) => CodewrightError.isInstance(error) && error.code === 'NOT_A_DIRECTORY');
  });
});
