import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, test } from 'vitest';
import { createFixture } from '../helpers/fixture.ts';
import type { Fixture } from '../helpers/fixture.ts';
import { runCliJson, startCli } from '../helpers/cli.ts';

let fixture: Fixture;
let copy: string | undefined;
afterEach(() => {
  fixture?.remove();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

function generatedSources(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) {
    files[`src/module${index}.ts`] = [
      `import { helper${(index + 1) % count} } from './module${(index + 1) % count}';`,
      `/** Helper number ${index}. */`,
      `export function helper${index}(value: number): number {`,
      `  return value > ${index} ? helper${(index + 1) % count}(value - 1) : value * ${index};`,
      '}',
      `export class Widget${index} {`,
      `  size = ${index};`,
      `  grow(by: number): number { return helper${index}(this.size + by); }`,
      '}',
    ].join('\n');
  }
  return files;
}

function contents(root: string): string[] {
  const db = new DatabaseSync(join(root, '.codewright/index.db'), { readOnly: true });
  try {
    expect((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
    const orphans = db.prepare('SELECT count(*) AS n FROM symbols WHERE file_id NOT IN (SELECT id FROM files)').get() as { n: number };
    expect(Number(orphans.n)).toBe(0);
    // Each file's references are exactly the id range its row records, and no reference is outside one.
    const misplaced = db
      .prepare(
        `SELECT count(*) AS n FROM files LEFT JOIN (SELECT file_id, count(*) AS n, min(id) AS first, max(id) AS last FROM refs GROUP BY file_id) AS runs
           ON runs.file_id = files.id
         WHERE coalesce(runs.first, -1) IS NOT coalesce(files.refs_first, -1) OR coalesce(runs.last, -1) IS NOT coalesce(files.refs_last, -1)
            OR (runs.n IS NOT NULL AND runs.n != files.refs_last - files.refs_first + 1)`,
      )
      .get() as { n: number };
    expect(Number(misplaced.n)).toBe(0);
    const strays = db.prepare('SELECT count(*) AS n FROM refs WHERE file_id NOT IN (SELECT id FROM files)').get() as { n: number };
    expect(Number(strays.n)).toBe(0);
    return (
      db
        .prepare(
          `SELECT files.path || ' ' || files.hash || ' ' || (SELECT count(*) FROM symbols WHERE file_id = files.id) || ' ' ||
                  coalesce(files.refs_last - files.refs_first + 1, 0) AS line FROM files ORDER BY path`,
        )
        .all() as { line: string }[]
    ).map((row) => row.line);
  } finally {
    db.close();
  }
}

test('kill -9 at any moment leaves a consistent index, and the next run finishes the work', async () => {
  fixture = createFixture(generatedSources(800));
  copy = `${fixture.root}-clean`;
  cpSync(fixture.root, copy, { recursive: true });
  runCliJson(['index', copy, '--no-history']);
  const expected = contents(copy);
  for (const delay of [200, 500, 900]) {
    const child = startCli(['index', fixture.root, '--no-history']);
    // Listen before killing: a fast run may finish before the kill, and its exit must not be missed.
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await sleep(delay);
    child.kill('SIGKILL');
    await exited;
    try {
      contents(fixture.root);
    } catch (error) {
      // Killed before the database existed: nothing to check yet.
      if (!String(error).includes('unable to open')) throw error;
    }
  }
  const resumed = runCliJson<{ parsed: number }>(['index', fixture.root, '--no-history']);
  expect(resumed.parsed).toBeLessThanOrEqual(800);
  expect(contents(fixture.root)).toEqual(expected);
  // A run killed during a cold load (indexes dropped) leaves them to the next run, which builds them.
  const db = new DatabaseSync(join(fixture.root, '.codewright/index.db'), { readOnly: true });
  const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('refs_name', 'symbols_name', 'chunks_file')").all() as { name: string }[]).map((row) => row.name);
  db.close();
  expect(indexes.sort()).toEqual(['chunks_file', 'refs_name', 'symbols_name']);
}, 240_000);
