import { DatabaseSync } from 'node:sqlite';
import { afterEach, expect, test } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { indexRepository } from '../index/run-index.ts';
import { dropFactIndexes, ensureFactIndexes, factIndexStatements } from './bulk-indexes.ts';
import { applicationId, databasePath, ensureDataDirectory, openIndex } from './database.ts';
import { migrations } from './schema.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

const factTables = ['symbols', 'refs', 'imports', 'chunks'];

function factIndexes(db: DatabaseSync): string[] {
  const rows = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${factTables.map(() => '?').join(', ')}) ORDER BY name`)
    .all(...factTables) as { name: string }[];
  return rows.map((row) => row.name);
}

test('the fact indexes are those the migrations leave: an index a later migration drops is not rebuilt', () => {
  const names = factIndexStatements().map((statement) => statement.name);
  expect(names).toContain('refs_name');
  expect(names).toContain('refs_target');
  expect(names).not.toContain('refs_enclosing');
  expect(migrations.slice(0, 1).join('\n')).toContain('CREATE INDEX refs_enclosing');
});

test('a cold load keeps only the indexes no load writes to, and the end of the load builds the rest', async () => {
  fixture = createFixture({
    'src/a.ts': "import { b } from './b';\nexport function a(): number {\n  return b() + 1;\n}\n",
    'src/b.ts': 'export function b(): number {\n  return 2;\n}\n',
  });
  const db = openIndex(fixture.root, { writable: true });
  dropFactIndexes(db);
  expect(factIndexes(db)).toEqual(['refs_target']);
  ensureFactIndexes(db);
  expect(factIndexes(db)).toEqual(factIndexStatements().map((statement) => statement.name).sort());
  db.close();

  await indexRepository(fixture.root, { history: false, threads: 1, rebuild: true });
  const built = new DatabaseSync(databasePath(fixture.root), { readOnly: true });
  expect(factIndexes(built)).toEqual(factIndexStatements().map((statement) => statement.name).sort());
  // The load's facts are there, and its imports were resolved as they were written.
  expect((built.prepare("SELECT count(*) AS n FROM refs WHERE name = 'b'").get() as { n: number }).n).toBeGreaterThan(0);
  const resolved = built
    .prepare('SELECT target.path AS path FROM imports JOIN files AS target ON target.id = imports.resolved_file_id')
    .all() as { path: string }[];
  expect(resolved.map((row) => row.path)).toEqual(['src/b.ts']);
  built.close();
});

test('an index written with the first schema loses the unused index when a writer opens it', () => {
  fixture = createFixture();
  const path = databasePath(fixture.root);
  ensureDataDirectory(fixture.root);
  // A file of schema 1, as an older codewright left it.
  const old = new DatabaseSync(path);
  old.exec(`${migrations[0]}; PRAGMA application_id = ${applicationId}; PRAGMA user_version = 1`);
  old.close();
  expect(() => openIndex(fixture.root, { writable: false })).toThrow(/Run `codewright index` to update it/);
  const writer = openIndex(fixture.root, { writable: true });
  expect(factIndexes(writer)).not.toContain('refs_enclosing');
  expect(Number((writer.prepare('PRAGMA user_version').get() as { user_version: number }).user_version)).toBe(migrations.length);
  writer.close();
});

test('an index of schema 2 gets each file\'s reference id range, and the next run replaces one file\'s references only', async () => {
  fixture = createFixture({
    'src/a.ts': "import { b } from './b';\nexport function a(): number {\n  return b() + b();\n}\n",
    'src/b.ts': 'export function b(): number {\n  return Math.max(1, 2);\n}\n',
    'src/c.ts': 'export const c = 1;\n',
  }, { git: true });
  await indexRepository(fixture.root, { history: false, threads: 1 });
  const path = databasePath(fixture.root);
  const countsByFile = (db: DatabaseSync) =>
    db.prepare('SELECT files.path AS path, count(refs.id) AS n FROM files LEFT JOIN refs ON refs.file_id = files.id GROUP BY files.id ORDER BY files.path').all();
  // Back to schema 2: no ranges on the files, an index on refs(file_id).
  const old = new DatabaseSync(path);
  const before = countsByFile(old);
  old.exec('ALTER TABLE files DROP COLUMN refs_first; ALTER TABLE files DROP COLUMN refs_last; CREATE INDEX refs_file ON refs(file_id); PRAGMA user_version = 2');
  old.close();
  fixture.write('src/a.ts', 'export function a(): number {\n  return 1;\n}\n');
  await indexRepository(fixture.root, { history: false, threads: 1 });
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    expect(factIndexes(db)).not.toContain('refs_file');
    const ranges = db.prepare('SELECT path, refs_first AS first, refs_last AS last FROM files ORDER BY path').all() as { path: string; first: number | null; last: number | null }[];
    for (const { path: file, first, last } of ranges) {
      const run = db.prepare('SELECT count(*) AS n, min(refs.id) AS first, max(refs.id) AS last FROM refs JOIN files ON files.id = refs.file_id WHERE files.path = ?').get(file) as { n: number; first: number | null; last: number | null };
      expect({ file, first: run.first, last: run.last }).toEqual({ file, first, last });
      if (first !== null && last !== null) expect(run.n).toBe(last - first + 1);
    }
    const after = countsByFile(db) as { path: string; n: number }[];
    expect(after.find((row) => row.path === 'src/b.ts')).toEqual((before as { path: string; n: number }[]).find((row) => row.path === 'src/b.ts'));
    expect(after.find((row) => row.path === 'src/a.ts')).toEqual({ path: 'src/a.ts', n: 0 });
    expect(after.find((row) => row.path === 'src/b.ts')!.n).toBeGreaterThan(0);
  } finally {
    db.close();
  }
});
