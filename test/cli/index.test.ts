import { readFileSync, utimesSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { createFixture } from '../helpers/fixture.ts';
import type { Fixture } from '../helpers/fixture.ts';
import { runCli, runCliJson } from '../helpers/cli.ts';
import type { IndexSummary } from '../../src/atlas/index/summary.ts';
import { acquireIndexLock } from '../../src/atlas/store/lock.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

const sources = {
  'src/math.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
  'src/main.ts': "import { add } from './math';\n\nexport function main(): number {\n  return add(1, 2);\n}\n",
  'tools/report.py': 'def total(rows):\n    return sum(rows)\n',
  'README.md': '# fixture\n',
};

function index(root: string, ...extra: string[]): IndexSummary {
  return runCliJson<IndexSummary>(['index', root, ...extra]);
}

describe('codewright index', () => {
  test('indexes supported languages, counts the others, and prints a summary', () => {
    fixture = createFixture(sources, { git: true });
    const text = runCli(['index', fixture.root]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/files +3 \(typescript 2, python 1\)/);
    expect(text.stdout).toMatch(/1 files in languages codewright does not parse/);
    expect(text.stdout).toMatch(/history +1 commits/);
    expect(text.stderr).toMatch(/index: parse done/);
  });

  test('a second run re-reads only what changed: stat first, then hash', () => {
    fixture = createFixture(sources);
    const first = index(fixture.root);
    expect(first.parsed).toBe(3);
    const noop = index(fixture.root);
    expect([noop.parsed, noop.unchanged, noop.added, noop.removed]).toEqual([0, 0, 0, 0]);
    // Same content, new mtime: hashed, found unchanged, not parsed again.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(fixture.root, 'src/math.ts'), later, later);
    const touched = index(fixture.root);
    expect([touched.parsed, touched.unchanged]).toEqual([0, 1]);
    fixture.write('src/math.ts', 'export function add(a: number, b: number): number {\n  return b + a;\n}\nexport const zero = 0;\n');
    fixture.write('src/extra.ts', 'export const extra = 1;\n');
    rmSync(join(fixture.root, 'tools/report.py'));
    const changed = index(fixture.root);
    expect([changed.parsed, changed.added, changed.removed]).toEqual([2, 1, 1]);
    const found = runCliJson<{ symbol: { name: string } }[]>(['find', 'zero', '--root', fixture.root]);
    expect(found.map((result) => result.symbol.name)).toEqual(['zero']);
    expect(runCli(['find', 'total', '--root', fixture.root]).status).toBe(1);
  });

  test('--changed looks only at the files named, from the current folder', () => {
    fixture = createFixture(sources, { git: true });
    index(fixture.root, '--no-history');
    fixture.write('src/math.ts', 'export function plus(a: number, b: number): number {\n  return a + b;\n}\n');
    const told = runCliJson<IndexSummary>(['index', '.', '--no-history', '--changed', 'src/math.ts'], { cwd: fixture.root });
    expect([told.scan, told.parsed, told.files]).toEqual(['changed paths only', 1, 3]);
    expect(runCliJson<{ symbol: { name: string } }[]>(['find', 'plus', '--root', fixture.root])).toHaveLength(1);
    const both = runCli(['index', fixture.root, '--watch', '--changed', 'src/math.ts']);
    expect([both.status, both.stderr]).toEqual([2, expect.stringMatching(/--changed and --watch do not go together/)]);
  });

  test('binary, minified, large, invalid UTF-8 and broken files never stop indexing', () => {
    const minified = `var a=${'1+'.repeat(6000)}1;\n`;
    fixture = createFixture({
      ...sources,
      'src/logo.ts': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      'dist/bundle.min.js': minified,
      'src/huge.ts': `export const big = [${'1, '.repeat(30_000)}];\n`,
      'src/latin1.ts': Buffer.concat([Buffer.from('export const caf'), Buffer.from([0xe9]), Buffer.from(' = 1;\n')]),
      'src/broken.ts': 'export function ok() { return 1; }\nexport function broken( {\n',
    });
    const summary = index(fixture.root, '--max-file-size', '64');
    const reasons = Object.fromEntries(summary.skipped.map((entry) => [entry.path, entry.reason]));
    expect(reasons['src/logo.ts']).toMatch(/binary/);
    expect(reasons['dist/bundle.min.js']).toMatch(/minified/);
    expect(reasons['src/huge.ts']).toMatch(/larger than 64 KiB/);
    const partial = Object.fromEntries(summary.partial.map((entry) => [entry.path, entry.reason]));
    expect(partial['src/broken.ts']).toMatch(/syntax errors? at line/);
    const names = runCliJson<{ symbol: { name: string } }[]>(['find', 'ok', '--root', fixture.root]).map((result) => result.symbol.name);
    expect(names).toContain('ok');
    expect(runCliJson<unknown[]>(['find', 'caf\uFFFD', '--root', fixture.root]).length + summary.files).toBeGreaterThan(0);
  });

  test('a second indexer fails naming the lock holder when it cannot wait', async () => {
    fixture = createFixture(sources);
    const lock = await acquireIndexLock(fixture.root, { waitMs: 0, command: 'codewright index (test holder)' });
    try {
      const result = runCli(['index', fixture.root, '--wait', '0.2']);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`pid ${process.pid}.*test holder`));
    } finally {
      lock.release();
    }
  });

  test('a corrupt or foreign index.db is rebuilt with a message', () => {
    fixture = createFixture(sources);
    index(fixture.root);
    writeFileSync(join(fixture.root, '.codewright/index.db'), 'garbage'.repeat(100));
    const result = runCli(['index', fixture.root]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/unusable.*rebuilding/);
    expect(runCliJson<unknown[]>(['find', 'add', '--root', fixture.root])).toHaveLength(1);
  });

  test('bad paths and queries before indexing say what to run', () => {
    fixture = createFixture(sources);
    const missing = runCli(['index', join(fixture.root, 'nope')]);
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringMatching(/does not exist/)]);
    const file = runCli(['index', join(fixture.root, 'src/math.ts')]);
    expect([file.status, file.stderr]).toEqual([2, expect.stringMatching(/is a file, not a directory/)]);
    const query = runCli(['find', 'add', '--root', fixture.root]);
    expect([query.status, query.stderr]).toEqual([2, expect.stringMatching(/Run `codewright index/)]);
    const usage = runCli(['find']);
    expect(usage.status).toBe(2);
  });

  test('the index database is not seen by git', () => {
    fixture = createFixture(sources, { git: true });
    index(fixture.root);
    expect(fixture.git('status', '--porcelain')).toBe('');
    expect(readFileSync(join(fixture.root, '.codewright/.gitignore'), 'utf8')).toBe('*\n');
    const db = new DatabaseSync(join(fixture.root, '.codewright/index.db'), { readOnly: true });
    expect(Number((db.prepare('SELECT count(*) AS n FROM files').get() as { n: number }).n)).toBe(3);
    db.close();
  });
});
