import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { typescriptExtensionHook } from './typescript-extension-hook.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Each import is tried on its own, so one failure shows as its error code instead of ending the run. */
const main = [
  "import module, { createRequire } from 'node:module';",
  'const require = createRequire(import.meta.url);',
  'const attempt = async (load: () => Promise<unknown> | unknown): Promise<unknown> => {',
  '  try {',
  '    return await load();',
  '  } catch (error) {',
  '    return (error as { code?: string }).code;',
  '  }',
  '};',
  'const outcome = {',
  '  registerHooks: typeof module.registerHooks,',
  "  ts: await attempt(async () => (await import('./b.js')).b),",
  "  mts: await attempt(async () => (await import('./m.mjs')).m),",
  "  cts: await attempt(() => require('./c.cjs').c),",
  "  existingJs: await attempt(async () => (await import('./shadow.js')).shadow),",
  "  noSibling: await attempt(() => import('./missing.js')),",
  "  packageName: await attempt(() => import('no-such-package/index.js')),",
  '};',
  'process.stdout.write(JSON.stringify(outcome));',
  '',
].join('\n');

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'codewright-extension-hook-'));
  roots.push(root);
  const files: Record<string, string> = {
    'package.json': '{ "type": "module" }\n',
    'src/main.ts': main,
    'src/b.ts': "export const b: string = 'b.ts';\n",
    'src/m.mts': "export const m: string = 'm.mts';\n",
    'src/c.cts': "module.exports = { c: 'c.cts' as string };\n",
    'src/shadow.js': "export const shadow = 'shadow.js';\n",
    'src/shadow.ts': "export const shadow: string = 'shadow.ts';\n",
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function run(root: string, preloads: string[]): unknown {
  const args = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', ...preloads.map((url) => `--import=${url}`), 'src/main.ts'];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NODE_OPTIONS: '' } }));
}

const withoutRegisterHooks = `data:text/javascript,${encodeURIComponent("import module from 'node:module'; delete module.registerHooks;")}`;

describe('typescript extension hook', () => {
  test('without it, Node finds no `.ts` file behind a `.js` specifier', () => {
    expect(run(project(), [])).toMatchObject({ ts: 'ERR_MODULE_NOT_FOUND', mts: 'ERR_MODULE_NOT_FOUND', cts: 'MODULE_NOT_FOUND' });
  });

  test('with registerHooks, `.js`, `.mjs` and `.cjs` specifiers of missing files load the `.ts`, `.mts` and `.cts` sources', () => {
    expect(run(project(), [typescriptExtensionHook])).toEqual({
      registerHooks: 'function',
      ts: 'b.ts',
      mts: 'm.mts',
      cts: 'c.cts',
      existingJs: 'shadow.js',
      noSibling: 'ERR_MODULE_NOT_FOUND',
      packageName: 'ERR_MODULE_NOT_FOUND',
    });
  });

  test('where registerHooks is missing (Node < 22.15), module.register maps imports the same way', () => {
    expect(run(project(), [withoutRegisterHooks, typescriptExtensionHook])).toMatchObject({
      registerHooks: 'undefined',
      ts: 'b.ts',
      mts: 'm.mts',
      existingJs: 'shadow.js',
      noSibling: 'ERR_MODULE_NOT_FOUND',
      packageName: 'ERR_MODULE_NOT_FOUND',
    });
  });
});
