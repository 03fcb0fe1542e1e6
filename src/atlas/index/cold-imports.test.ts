import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { transaction } from '../store/database.ts';
import { createResolutionContext, resolveStoredImports } from './resolve-imports.ts';
import { indexRepository } from './run-index.ts';
import { importPairs } from './testing/import-pairs.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

const sources = {
  'package.json': '{"name":"shop","workspaces":["packages/*"]}\n',
  'packages/core/package.json': '{"name":"@shop/core"}\n',
  'packages/core/src/index.ts': "export { price } from './price';\n",
  'packages/core/src/price.ts': "import { round } from '../../util/src/round.js';\nexport const price = (n: number) => round(n);\n",
  'packages/util/src/round.ts': 'export const round = (n: number) => Math.round(n);\n',
  'app/cart.ts': "import { price } from '@shop/core';\nimport React from 'react';\nimport { self } from './cart';\nexport const self = price(1);\n",
  'app/big.ts': `// larger than the limit\nexport const big = '${'x'.repeat(3000)}';\n`,
  'app/uses-big.ts': "import { big } from './big';\nexport const b = big;\n",
  'lib/pkg/__init__.py': '',
  'lib/pkg/mod.py': 'from . import helper\n',
  'lib/pkg/helper.py': 'X = 1\n',
  'app/main.py': 'import pkg.mod\n',
};

test('a cold load resolves imports as it writes them, as the pass over stored imports does', async () => {
  fixture = createFixture(sources, { git: true });
  await indexRepository(fixture.root, { history: false, threads: 1, maxFileSize: 2048 });
  const db = new DatabaseSync(join(fixture.root, '.codewright', 'index.db'));
  try {
    const cold = importPairs(db);
    expect(cold).toEqual([
      'app/cart.ts ./cart -> -',
      'app/cart.ts @shop/core -> packages/core/src/index.ts',
      'app/cart.ts react -> -',
      'app/main.py pkg.mod -> lib/pkg/mod.py',
      'app/uses-big.ts ./big -> app/big.ts',
      'lib/pkg/mod.py . -> lib/pkg/helper.py',
      'packages/core/src/index.ts ./price -> packages/core/src/price.ts',
      'packages/core/src/price.ts ../../util/src/round.js -> packages/util/src/round.ts',
    ]);
    const paths = (db.prepare('SELECT path FROM files').all() as { path: string }[]).map((row) => row.path);
    const context = createResolutionContext(paths, new Map([['shop', ''], ['@shop/core', 'packages/core']]));
    transaction(db, () => {
      db.exec('UPDATE imports SET resolved_file_id = NULL');
      resolveStoredImports(db, context);
    });
    expect(importPairs(db)).toEqual(cold);
  } finally {
    db.close();
  }
});

test('a cold load into an existing empty index that stops midway leaves its unparsed files to the next run', async () => {
  fixture = createFixture({ 'README.md': '# empty\n' }, { git: true });
  await indexRepository(fixture.root, { history: false, threads: 1 });
  for (let index = 0; index < 30; index++) fixture.write(`src/m${index}.ts`, `import { m${(index + 1) % 30} } from './m${(index + 1) % 30}';\nexport const m${index} = 1;\n`);
  // Not a rebuild: the index file exists and has no files, so this load writes into it directly.
  await expect(
    indexRepository(fixture.root, {
      history: false,
      threads: 1,
      onEvent: (event) => {
        if (event.type === 'parse-progress' && event.done === 10) throw new Error('stopped on purpose');
      },
    }),
  ).rejects.toThrow('stopped on purpose');
  const summary = await indexRepository(fixture.root, { history: false, threads: 1 });
  expect(summary.files).toBe(30);
  const db = new DatabaseSync(join(fixture.root, '.codewright', 'index.db'), { readOnly: true });
  try {
    expect(db.prepare("SELECT count(*) AS n FROM files WHERE status = 'indexed'").get()).toEqual({ n: 30 });
    expect(db.prepare('SELECT count(*) AS n FROM symbols').get()).toEqual({ n: 30 });
    expect(db.prepare('SELECT count(*) AS n FROM imports WHERE resolved_file_id IS NOT NULL').get()).toEqual({ n: 30 });
  } finally {
    db.close();
  }
});
