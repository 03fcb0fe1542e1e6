import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { openIndex } from '../store/database.ts';
import { freshIndexPath } from '../store/fresh-index.ts';
import { indexRepository } from './run-index.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

const sources = Object.fromEntries(
  Array.from({ length: 20 }, (_, index) => [`src/module${index}.ts`, `export function helper${index}(): number {\n  return ${index};\n}\n`]),
);

function symbolNames(root: string): string[] {
  const db = openIndex(root, { writable: false });
  try {
    return (db.prepare('SELECT name FROM symbols ORDER BY name').all() as { name: string }[]).map((row) => row.name);
  } finally {
    db.close();
  }
}

test('a cold build goes to a new file that replaces the index only when complete', async () => {
  fixture = createFixture(sources, { git: true });
  await indexRepository(fixture.root, { history: false, threads: 1 });
  const before = symbolNames(fixture.root);
  expect(before).toHaveLength(20);
  // A rebuild that fails while parsing (here: its progress handler throws) leaves the index as it was.
  fixture.write('src/extra.ts', 'export const extra = 1;\n');
  await expect(
    indexRepository(fixture.root, {
      history: false,
      threads: 1,
      rebuild: true,
      onEvent: (event) => {
        if (event.type === 'parse-progress') throw new Error('stopped on purpose');
      },
    }),
  ).rejects.toThrow('stopped on purpose');
  expect(symbolNames(fixture.root)).toEqual(before);
  expect(existsSync(freshIndexPath(fixture.root))).toBe(false);
  // A rebuild that completes replaces it, leaving nothing of the build behind.
  const summary = await indexRepository(fixture.root, { history: false, threads: 1, rebuild: true });
  expect(summary.parsed).toBe(21);
  expect(symbolNames(fixture.root)).toContain('extra');
  expect(readdirSync(join(fixture.root, '.codewright')).filter((name) => name.includes('building'))).toEqual([]);
});
