import { cpSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { changedPathsLimit, scanChangedPaths } from './changed-scan.ts';
import type { IndexedFile, ScanRecord } from './changed-scan.ts';
import type { IndexEvent } from './events.ts';
import { indexRepository } from './run-index.ts';
import { indexedImportPairs } from './testing/import-pairs.ts';

let fixture: Fixture;
let copy: string | undefined;
afterEach(() => {
  fixture?.remove();
  if (copy) rmSync(copy, { recursive: true, force: true });
  copy = undefined;
});

const sources = {
  'package.json': '{ "name": "shop" }\n',
  'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
  'README.md': '# shop\n',
  'src/cart.ts': "import { price } from './price';\nexport function total(items: number[]): number { return items.map(price).length; }\n",
  'src/price.ts': 'export function price(item: number): number { return item * 2; }\n',
  'src/tax.ts': "import { total } from './cart';\nexport function taxed(items: number[]): number { return total(items) * 1.2; }\n",
};

describe('scanChangedPaths', () => {
  const record: ScanRecord = {
    other: '{"md":1,"json":2}',
    resolutionInputs: JSON.stringify([
      ['package.json', 19, 0],
      ['tsconfig.json', 44, 0],
    ]),
    skipped: '[]',
  };
  const indexed = (): Map<string, IndexedFile> =>
    new Map(['src/cart.ts', 'src/price.ts', 'src/tax.ts'].map((path) => [path, { language: 'typescript', size: 1, mtimeMs: 1 }]));

  test('takes the index as the work tree and looks only at the named paths', () => {
    fixture = createFixture(sources);
    fixture.write('src/cart.ts', 'export const changed = 1;\n');
    unlinkSync(join(fixture.root, 'src/price.ts'));
    const result = scanChangedPaths(fixture.root, indexed(), record, ['src/cart.ts', join(fixture.root, 'src/price.ts'), 'package.json', '.git/index']);
    if (!('scan' in result)) throw new Error(result.fallback);
    const { scan } = result;
    expect(scan.method).toBe('changed');
    expect(scan.files.map((file) => [file.path, file.size])).toEqual([
      ['src/cart.ts', 26],
      ['src/tax.ts', 1],
    ]);
    expect(scan.files[1]!.absolutePath).toBe(join(fixture.root, 'src/tax.ts'));
    expect(scan.manifests).toEqual(['package.json']);
    expect(scan.configs).toEqual(['tsconfig.json']);
    expect(scan.other).toEqual({ md: 1, json: 2 });
  });

  test.each([
    ['a new file', 'src/new.ts', 'src/new.ts is not in the index'],
    ['a file in another language', 'README.md', 'README.md is not in the index'],
    ['a folder', 'src', 'src is not in the index'],
    ['an ignore file', 'src/.gitignore', 'src/.gitignore changed the ignore rules'],
    ["git's exclude file", '.git/info/exclude', '.git/info/exclude changed the ignore rules'],
    ['a path outside the repository', '../elsewhere.ts', '../elsewhere.ts is outside the repository'],
    ['the repository itself', '.', 'the repository folder itself changed'],
    ['a removed manifest', 'package.json', 'package.json was removed'],
  ])('%s sends the run to a full scan', (_, path, reason) => {
    fixture = createFixture(sources);
    fixture.write('src/new.ts', 'export const n = 1;\n');
    unlinkSync(join(fixture.root, 'package.json'));
    expect(scanChangedPaths(fixture.root, indexed(), record, [path])).toEqual({ fallback: reason });
  });

  test('so do a symbolic link, a stopped load, a missing record and a long list', () => {
    fixture = createFixture(sources);
    rmSync(join(fixture.root, 'src/tax.ts'));
    symlinkSync('cart.ts', join(fixture.root, 'src/tax.ts'));
    expect(scanChangedPaths(fixture.root, indexed(), record, ['src/tax.ts'])).toEqual({ fallback: 'src/tax.ts is no longer a regular file' });
    const placeholder = indexed().set('src/later.ts', { language: 'typescript', size: -1, mtimeMs: 0 });
    expect(scanChangedPaths(fixture.root, placeholder, record, [])).toEqual({ fallback: 'the last run stopped before it finished' });
    expect(scanChangedPaths(fixture.root, indexed(), { ...record, skipped: undefined }, [])).toEqual({
      fallback: 'the index has no record of its last full scan',
    });
    expect(scanChangedPaths(fixture.root, new Map(), record, [])).toEqual({ fallback: 'the index is empty' });
    const limit = Array.from({ length: changedPathsLimit }, () => 'src/cart.ts');
    expect('scan' in scanChangedPaths(fixture.root, indexed(), record, limit)).toBe(true);
    expect(scanChangedPaths(fixture.root, indexed(), record, [...limit, 'src/cart.ts'])).toEqual({ fallback: `more than ${changedPathsLimit} changed paths` });
  });
});

/** What the index holds, file by file, to compare two indexes of the same tree. */
function indexContents(root: string): string[] {
  const db = new DatabaseSync(join(root, '.codewright/index.db'), { readOnly: true });
  try {
    const rows = db
      .prepare(
        `SELECT files.path || ' ' || files.status || ' ' || coalesce(files.hash, '-') || ' [' ||
                coalesce((SELECT group_concat(qualified_name, ',') FROM (SELECT qualified_name FROM symbols WHERE file_id = files.id ORDER BY qualified_name)), '') || '] [' ||
                coalesce((SELECT group_concat(name, ',') FROM (SELECT name FROM refs WHERE file_id = files.id ORDER BY id)), '') || ']' AS line
           FROM files ORDER BY path`,
      )
      .all() as { line: string }[];
    return [...rows.map((row) => row.line), ...indexedImportPairs(root)];
  } finally {
    db.close();
  }
}

function scanDetail(events: IndexEvent[]): string {
  const end = events.find((event) => event.type === 'stage-end' && event.stage === 'scan');
  return end?.type === 'stage-end' ? end.detail : '';
}

describe('indexRepository with changedPaths', () => {
  test('parses the named files, drops the removed ones, and leaves the index as a full run would', async () => {
    fixture = createFixture(sources, { git: true });
    await indexRepository(fixture.root, { history: false, threads: 1 });
    fixture.write('src/cart.ts', "import { price } from './price';\nexport function sum(items: number[]): number { return items.map(price).length; }\n");
    fixture.write('src/tax.ts', "import { sum } from './cart';\nexport function taxed(items: number[]): number { return sum(items) * 1.2; }\n");
    rmSync(join(fixture.root, 'src/price.ts'));
    const events: IndexEvent[] = [];
    const summary = await indexRepository(fixture.root, {
      history: false,
      threads: 1,
      changedPaths: ['src/cart.ts', join(fixture.root, 'src/tax.ts'), 'src/price.ts'],
      onEvent: (event) => events.push(event),
    });
    expect(summary.scan).toBe('changed paths only');
    expect(scanDetail(events)).toContain('(changed paths only), 2 to read');
    expect([summary.parsed, summary.removed, summary.added]).toEqual([2, 1, 0]);

    copy = `${fixture.root}-full`;
    cpSync(fixture.root, copy, { recursive: true });
    const full = await indexRepository(copy, { history: false, threads: 1, rebuild: true });
    expect(indexContents(fixture.root)).toEqual(indexContents(copy));
    expect(indexContents(fixture.root)).toContain('src/cart.ts ./price -> -');
    expect([summary.files, summary.symbols, summary.references, summary.imports, summary.unsupported]).toEqual([
      full.files,
      full.symbols,
      full.references,
      full.imports,
      full.unsupported,
    ]);
    const db = new DatabaseSync(join(fixture.root, '.codewright/index.db'), { readOnly: true });
    expect(Number((db.prepare('SELECT count(*) AS n FROM refs').get() as { n: number }).n)).toBe(summary.references);
    db.close();
  });

  test('looks at nothing it was not told about: an unnamed change waits for a full run', async () => {
    fixture = createFixture(sources, { git: true });
    await indexRepository(fixture.root, { history: false, threads: 1 });
    // Named but not changed: its size and time match, so it is not even read.
    const same = await indexRepository(fixture.root, { history: false, threads: 1, changedPaths: ['src/cart.ts'] });
    expect([same.scan, same.parsed, same.unchanged]).toEqual(['changed paths only', 0, 0]);
    fixture.write('src/price.ts', 'export function cost(item: number): number { return item; }\n');
    const told = await indexRepository(fixture.root, { history: false, threads: 1, changedPaths: [] });
    expect([told.scan, told.parsed]).toEqual(['changed paths only', 0]);
    expect(indexContents(fixture.root).find((line) => line.startsWith('src/price.ts'))).toContain('[price]');
    const full = await indexRepository(fixture.root, { history: false, threads: 1 });
    expect([full.scan, full.parsed]).toEqual(['listed by git', 1]);
    expect(indexContents(fixture.root).find((line) => line.startsWith('src/price.ts'))).toContain('[cost]');
  });

  test('a path the index does not hold makes the run scan everything, and says why', async () => {
    fixture = createFixture(sources, { git: true });
    await indexRepository(fixture.root, { history: false, threads: 1 });
    fixture.write('src/discount.ts', "import { price } from './price';\nexport const discount = price(1) / 2;\n");
    const summary = await indexRepository(fixture.root, { history: false, threads: 1, changedPaths: ['src/discount.ts'] });
    expect(summary.scan).toBe('listed by git; all scanned: src/discount.ts is not in the index');
    expect([summary.parsed, summary.added]).toEqual([1, 1]);
    expect(indexContents(fixture.root)).toContain('src/discount.ts ./price -> src/price.ts');
  });

  test('a changed manifest is read again without a full scan', async () => {
    fixture = createFixture(
      {
        ...sources,
        'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["src/*"] } } }\n',
        'app/main.ts': "import { total } from '@shop/price';\nexport const main = total;\n",
      },
      { git: true },
    );
    await indexRepository(fixture.root, { history: false, threads: 1 });
    expect(indexContents(fixture.root)).toContain('app/main.ts @shop/price -> -');
    fixture.write('tsconfig.json', '{ "compilerOptions": { "baseUrl": ".", "paths": { "@shop/*": ["src/*"] } } }\n');
    const summary = await indexRepository(fixture.root, { history: false, threads: 1, changedPaths: ['tsconfig.json'] });
    expect([summary.scan, summary.parsed]).toEqual(['changed paths only', 0]);
    expect(indexContents(fixture.root)).toContain('app/main.ts @shop/price -> src/price.ts');
  });
});
