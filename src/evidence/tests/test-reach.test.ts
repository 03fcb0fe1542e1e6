import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { migrations } from '../../atlas/store/schema.ts';
import { createChangeFixture, type ChangeFixture } from './testing/change-fixture.ts';
import { brokenAdd, nodeProject } from './testing/node-project.ts';
import { listWorktreeFiles } from './list-files.ts';
import { createTestReach } from './test-reach.ts';

const fixtures: ChangeFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

function atlasWith(files: { path: string; isTest: boolean }[], imports: [string, string][]): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  for (const migration of migrations) db.exec(migration);
  const insertFile = db.prepare("INSERT INTO files(path, language, size, mtime_ms, status, is_test, indexed_at) VALUES (?, 'typescript', 0, 0, 'indexed', ?, 0)");
  for (const file of files) insertFile.run(file.path, file.isTest ? 1 : 0);
  const id = (path: string) => (db.prepare('SELECT id FROM files WHERE path = ?').get(path) as { id: number }).id;
  const insertImport = db.prepare("INSERT INTO imports(file_id, source, imported_name, local_name, line, reexport, resolved_file_id) VALUES (?, '@/math', 'add', 'add', 1, 0, ?)");
  for (const [from, to] of imports) insertImport.run(id(from), id(to));
  return db;
}

describe('createTestReach', () => {
  test('follows imports transitively and attributes the hunks of every file reached', async () => {
    const project = createChangeFixture(nodeProject, { 'src/math.ts': brokenAdd, 'src/greet.ts': nodeProject['src/greet.ts']!.replace('hello', 'hi') });
    fixtures.push(project);
    const context = project.context();
    const reach = await createTestReach({ ...context, dir: context.changeDir, files: await listWorktreeFiles(context.changeDir, 10_000) });
    expect(await reach.hunksOf('test/stats.test.ts')).toEqual(['src/math.ts#0']);
    expect(await reach.hunksOf('test/greet.test.ts')).toEqual(['src/greet.ts#0']);
  });

  test('an import only the atlas resolves (a path alias) reaches the changed file', async () => {
    const aliased = nodeProject['test/legacy.test.ts']!.replace('../src/math.ts', '@/math');
    const project = createChangeFixture({ ...nodeProject, 'test/alias.test.ts': aliased }, { 'src/math.ts': brokenAdd });
    fixtures.push(project);
    const context = project.context();
    const files = await listWorktreeFiles(context.changeDir, 10_000);
    const withoutAtlas = await createTestReach({ ...context, dir: context.changeDir, files });
    expect(await withoutAtlas.hunksOf('test/alias.test.ts')).toEqual([]);
    const atlas = atlasWith(
      [
        { path: 'test/alias.test.ts', isTest: true },
        { path: 'src/math.ts', isTest: false },
      ],
      [['test/alias.test.ts', 'src/math.ts']],
    );
    const withAtlas = await createTestReach({ ...context, dir: context.changeDir, files, atlas });
    expect(await withAtlas.hunksOf('test/alias.test.ts')).toEqual(['src/math.ts#0']);
    expect([...withAtlas.atlasTestFiles]).toEqual(['test/alias.test.ts']);
  });
});
