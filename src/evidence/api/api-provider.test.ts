import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { codewrightNodeModules, createCheckFixture, type CheckFixture } from '../build/testing/check-fixture.ts';
import { migrations } from '../../atlas/store/schema.ts';
import { createApiProvider } from './api-provider.ts';

const tsconfig = JSON.stringify({
  compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', lib: ['es2022'], skipLibCheck: true, allowImportingTsExtensions: true, types: [] },
  include: ['src'],
});
const zodVersion = (JSON.parse(readFileSync(join(codewrightNodeModules, 'zod', 'package.json'), 'utf8')) as { version: string }).version;
const base = "import { z } from 'zod';\nexport const name = z.string();\n";

let fixture: CheckFixture | undefined;
afterEach(() => {
  fixture?.remove();
  fixture = undefined;
});

async function check(files: Record<string, string>, changes: Record<string, string>) {
  fixture = createCheckFixture(files, changes);
  return createApiProvider().doCheck(fixture.context);
}

describe('api provider', () => {
  it('fails a call that the installed zod does not have, naming its version and the real name', async () => {
    const evidence = await check({ 'tsconfig.json': tsconfig, 'src/schema.ts': base }, { 'src/schema.ts': `${base}export const mail = z.string().emailAddress();\n` });
    const failure = evidence.find((item) => item.status === 'fail');
    expect(failure).toMatchObject({ kind: 'api', hunks: ['src/schema.ts#0'], location: { path: 'src/schema.ts', line: 3 } });
    expect(failure?.message).toBe(
      `calls \`z.string().emailAddress()\`, which zod ${zodVersion} (installed) does not have; did you mean \`z.email()\` or \`z.string().email()\` (deprecated)?`,
    );
    expect(failure?.data).toMatchObject({ package: 'zod', version: zodVersion, name: 'emailAddress' });
  });

  it('fails a named import that the module does not export, with close exports', async () => {
    const evidence = await check(
      { 'tsconfig.json': tsconfig, 'src/util.ts': 'export function formatPrice(cents: number): string {\n  return (cents / 100).toFixed(2);\n}\n', 'src/main.ts': 'export const x = 1;\n' },
      { 'src/main.ts': "import { formatPrise } from './util.ts';\nimport { strng } from 'zod';\nexport const x = formatPrise(1);\n" },
    );
    const messages = evidence.filter((item) => item.status === 'fail').map((item) => item.message);
    expect(messages).toContain("imports `formatPrise` from `./util.ts`, which src/util.ts does not export; did you mean `formatPrice`?");
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^imports \`strng\` from \`zod\`, which zod ${zodVersion.replace(/\./g, '\\.')} \\(installed\\) does not export; did you mean \`string\``)));
  });

  it('passes calls of repository functions that exist, and counts them', async () => {
    const evidence = await check(
      { 'tsconfig.json': tsconfig, 'src/util.ts': 'export function formatPrice(cents: number): string {\n  return (cents / 100).toFixed(2);\n}\n', 'src/main.ts': 'export const x = 1;\n' },
      { 'src/main.ts': "import { formatPrice } from './util.ts';\nexport const x = formatPrice(1).padStart(8);\n" },
    );
    expect(evidence).toEqual([
      expect.objectContaining({ kind: 'api', status: 'pass', message: 'all 4 new calls and imports resolve', hunks: ['src/main.ts#0'] }),
    ]);
  });

  it('warns about a call that resolves to a deprecated overload of a dependency', async () => {
    const evidence = await check({ 'tsconfig.json': tsconfig, 'src/schema.ts': base }, { 'src/schema.ts': `${base}export const mail = z.string().email();\n` });
    expect(evidence).toContainEqual(expect.objectContaining({ status: 'warn', message: `calls \`z.string().email()\`, which zod ${zodVersion} (installed) marks deprecated: Use \`z.email()\` instead.` }));
    expect(evidence).toContainEqual(expect.objectContaining({ status: 'pass' }));
  });

  it('checks JavaScript files without a tsconfig, judging only receivers typed by dependencies', async () => {
    const evidence = await check(
      { 'lib/a.js': 'export const a = 1;\n' },
      { 'lib/a.js': "import { z } from 'zod';\nexport function run(options) {\n  return options.anything() + z.numbr();\n}\nmissingHelper();\n" },
    );
    const messages = evidence.filter((item) => item.status === 'fail').map((item) => item.message);
    expect(messages).toEqual([
      `calls \`z.numbr()\`, which zod ${zodVersion} (installed) does not have; did you mean \`z.number()\`?`,
      'calls `missingHelper()`, which is not defined in the repository or its dependencies',
    ]);
  });

  it('fails imports of packages that are not installed and files that do not exist', async () => {
    const evidence = await check(
      { 'tsconfig.json': tsconfig, 'src/main.ts': 'export const x = 1;\n', 'src/format.ts': 'export const f = 1;\n' },
      { 'src/main.ts': "import leftPad from 'left-pad';\nimport { f } from './formt.ts';\nexport const x = leftPad + f;\n" },
    );
    const messages = evidence.filter((item) => item.status === 'fail').map((item) => item.message);
    expect(messages).toEqual(['imports `left-pad`, which is not installed (no node_modules/left-pad)', 'imports `./formt.ts`, which does not exist; did you mean `./format.ts`?']);
  });

  it('fails a Python call of a module attribute that does not exist, suggesting the real one', async () => {
    const evidence = await check(
      { 'app/__init__.py': '', 'app/util.py': 'def helper():\n    return 1\n', 'app/main.py': 'import json\n' },
      { 'app/main.py': "import json\nfrom app.util import helper\n\nprint(json.dumpz({'a': helper()}))\n" },
    );
    const failures = evidence.filter((item) => item.status === 'fail');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ hunks: ['app/main.py#0'], location: { path: 'app/main.py', line: 4 } });
    expect(failures[0]?.message).toMatch(/^calls `json\.dumpz\(\)`, which json \(Python 3\.\d+ standard library\) does not have; did you mean .*`json\.dumps\(\)`/);
  });

  it('passes Python imports of repository names that exist', async () => {
    const evidence = await check(
      { 'app/__init__.py': '', 'app/util.py': 'def helper():\n    return 1\n', 'app/main.py': 'import json\n' },
      { 'app/main.py': 'import json\nfrom app.util import helper\nimport app.util as util\n\nprint(json.dumps(util.helper() + helper()))\n' },
    );
    expect(evidence).toEqual([expect.objectContaining({ status: 'pass', message: 'all 4 new calls and imports resolve' })]);
  });

  it('suggests a repository function the change forgot to import, from the atlas', async () => {
    fixture = createCheckFixture(
      { 'tsconfig.json': tsconfig, 'src/util.ts': 'export function formatPrice(cents: number): string {\n  return String(cents);\n}\n', 'src/main.ts': 'export const x = 1;\n' },
      { 'src/main.ts': 'export const x = formatPrise(1);\n' },
    );
    const atlas = new DatabaseSync(':memory:');
    atlas.exec(migrations[0] ?? '');
    atlas.exec(`INSERT INTO files(id, path, size, mtime_ms, status, indexed_at) VALUES (1, 'src/util.ts', 1, 0, 'ok', 0)`);
    atlas.exec(`INSERT INTO symbols(file_id, name, qualified_name, kind, start_line, start_col, end_line, end_col, name_line, name_col, signature, doc, exported)
      VALUES (1, 'formatPrice', 'formatPrice', 'function', 1, 0, 3, 1, 1, 16, '', '', 1)`);
    const evidence = await createApiProvider().doCheck({ ...fixture.context, atlas });
    atlas.close();
    expect(evidence.find((item) => item.status === 'fail')?.message).toBe(
      'calls `formatPrise()`, which is not defined in the repository or its dependencies; did you mean `formatPrice()` (exported by src/util.ts, not imported)?',
    );
  });

  it('gives each hunk its own verdict: a failure where a name is missing, a pass where all resolve', async () => {
    const filler = Array.from({ length: 10 }, (_, index) => `export const filler${index} = ${index};`).join('\n');
    const before = `${base}${filler}\n`;
    const after = `${base}export const a = z.strin();\n${filler}\nexport const b = z.number().int();\n`;
    const evidence = await check({ 'tsconfig.json': tsconfig, 'src/schema.ts': before }, { 'src/schema.ts': after });
    expect(evidence.map((item) => [item.status, item.hunks, item.message.slice(0, 30)])).toEqual([
      ['fail', ['src/schema.ts#0'], 'calls `z.strin()`, which zod 4'],
      ['pass', ['src/schema.ts#1'], 'all 2 new calls and imports re'],
    ]);
  });
});
