/** Writes the small monorepos the precise-mode tests resolve, in temp folders. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A folder of files written by a test. */
export interface FixtureFolder {
  root: string;
  write(path: string, text: string): void;
  /** 0-based column of the `occurrence`-th (1-based) `token` on 1-based `line` of the file. */
  column(path: string, line: number, token: string, occurrence?: number): number;
  remove(): void;
}

/** Creates a temp folder holding `files` (paths relative to it). */
export function createFixtureFolder(files: Record<string, string>): FixtureFolder {
  const root = mkdtempSync(join(tmpdir(), 'codewright-precise-'));
  const texts = new Map<string, string>();
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    texts.set(path, text);
  };
  for (const [path, text] of Object.entries(files)) write(path, text);
  return {
    root,
    write,
    column(path, line, token, occurrence = 1) {
      const text = texts.get(path)?.split('\n')[line - 1] ?? '';
      let column = -1;
      for (let found = 0; found < occurrence; found++) column = text.indexOf(token, column + 1);
      if (column < 0) throw new Error(`${token} not found on ${path}:${line}`);
      return column;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Two packages with their own tsconfigs extending a base; `b` imports `a` through a workspace
 * symlink plus a project reference, and through a path alias. `a` re-exports, renames, has an
 * overloaded function and a class with methods; `b` shadows an import with a local. Two JS
 * files in `scripts/` sit outside every tsconfig.
 */
export const monorepoFiles: Record<string, string> = {
  '.gitignore': 'dist/\n',
  'tsconfig.base.json': json({
    compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], composite: true, skipLibCheck: true },
  }),
  'tsconfig.json': json({ files: [], references: [{ path: './packages/a' }, { path: './packages/b' }] }),
  'packages/a/package.json': json({ name: '@fx/a', type: 'module', exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } } }),
  'packages/a/tsconfig.json': json({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'] }),
  'packages/a/src/greet.ts': [
    '/** Greets someone, optionally several times. */',
    'export function greet(name: string): string;',
    'export function greet(name: string, times: number): string;',
    'export function greet(name: string, times = 1): string {',
    '  return `hello ${name} `.repeat(times);',
    '}',
    '',
  ].join('\n'),
  'packages/a/src/shape.ts': [
    'export class Shape {',
    '  side: number;',
    '  constructor(side: number) {',
    '    this.side = side;',
    '  }',
    '  area(): number {',
    '    return this.side * this.side;',
    '  }',
    '  scale(factor: number): Shape {',
    '    return new Shape(this.side * factor);',
    '  }',
    '}',
    '',
  ].join('\n'),
  'packages/a/src/index.ts': ["export { greet } from './greet.js';", "export { greet as hello } from './greet.js';", "export * from './shape.js';", ''].join('\n'),
  'packages/b/package.json': json({ name: '@fx/b', type: 'module', dependencies: { '@fx/a': 'workspace:*' } }),
  'packages/b/tsconfig.json': json({
    extends: '../../tsconfig.base.json',
    compilerOptions: { rootDir: 'src', outDir: 'dist', paths: { '@a-src/*': ['../a/src/*'] } },
    include: ['src'],
    references: [{ path: '../a' }],
  }),
  'packages/b/src/main.ts': [
    "import { greet, hello, Shape } from '@fx/a';",
    "import { greet as greetDirect } from '@a-src/greet.js';",
    '',
    'export function main(): void {',
    '  const shape = new Shape(2).scale(3);',
    "  console.log(greet('b'), hello('c', 2), shape.area());",
    "  console.log(greetDirect('d'));",
    '}',
    '',
    'export function shadow(): string {',
    '  const greet = (who: string) => `hi ${who}`;',
    "  return greet('local');",
    '}',
    '',
  ].join('\n'),
  'scripts/double.js': ['export function double(value) {', '  return value * 2;', '}', ''].join('\n'),
  'scripts/tool.js': ["import { double } from './double.js';", 'export function run() {', '  return double(21);', '}', ''].join('\n'),
};

/** The monorepo, with `node_modules/@fx/a` linked to `packages/a` as a workspace install would. */
export function createMonorepo(): FixtureFolder {
  const folder = createFixtureFolder(monorepoFiles);
  mkdirSync(join(folder.root, 'node_modules/@fx'), { recursive: true });
  symlinkSync('../../packages/a', join(folder.root, 'node_modules/@fx/a'), 'dir');
  return folder;
}
