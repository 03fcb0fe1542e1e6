import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshHistory } from './refresh-history.ts';
import { createTestDatabase } from './testing/git-fixture.ts';
import type { ShopHistory } from './testing/shop-history.ts';
import { createShopHistory } from './testing/shop-history.ts';

let shop: ShopHistory;
let store: { db: DatabaseSync; remove(): void };

beforeEach(() => {
  shop = createShopHistory();
  store = createTestDatabase();
});

afterEach(() => {
  store.remove();
  shop.repository.remove();
});

const surviving = (db: DatabaseSync) =>
  Object.fromEntries(
    (db.prepare('SELECT sha, surviving FROM commits WHERE is_fix = 1').all() as { sha: string; surviving: number | null }[]).map(
      (row) => [row.sha, row.surviving],
    ),
  );
const shas = (db: DatabaseSync) => db.prepare('SELECT sha FROM commits ORDER BY id DESC').all().map((row) => row.sha);

describe('refreshHistory', () => {
  it('mines, stores and counts the surviving lines of each fix', async () => {
    const refresh = await refreshHistory(shop.repository.root, store.db);
    expect(refresh).toMatchObject({ mode: 'full', head: shop.refactorGuards, mined: 7, inserted: 7, complete: true });
    expect(refresh).toMatchObject({ survivalComputed: 2, survivalPending: 0 });
    // The empty-cart fix added 3 guard lines and 2 util lines; a later refactor replaced two guards.
    expect(surviving(store.db)).toEqual({ [shop.fixEmptyCart]: 3, [shop.fixNullPrice]: 2 });
    const nonFix = store.db.prepare('SELECT COUNT(*) AS n FROM commits WHERE is_fix = 0 AND surviving IS NOT NULL').get();
    expect(nonFix).toEqual({ n: 0 });
  });

  it('mines only new commits on the next run and measures again the fixes they touched', async () => {
    await refreshHistory(shop.repository.root, store.db);
    const tweak = shop.repository.commit('Drop the last guard', {
      'src/app.ts': shop.repository.git('show', 'HEAD:src/app.ts').replace('guard 3\n', '') + '\n',
    });
    const refresh = await refreshHistory(shop.repository.root, store.db);
    expect(refresh).toMatchObject({ mode: 'incremental', mined: 1, inserted: 1, survivalComputed: 2 });
    expect(shas(store.db)[0]).toBe(tweak);
    expect(shas(store.db)).toHaveLength(8);
    expect(surviving(store.db)).toEqual({ [shop.fixEmptyCart]: 2, [shop.fixNullPrice]: 2 });
    expect(await refreshHistory(shop.repository.root, store.db)).toMatchObject({ mode: 'incremental', mined: 0, inserted: 0 });
  });

  it('mines everything again after history was rewritten', async () => {
    await refreshHistory(shop.repository.root, store.db);
    shop.repository.git('reset', '-q', '--hard', shop.moveUtil);
    const replacement = shop.repository.commit('fix: another take', { 'src/helpers.ts': 'rewritten\n' });
    const refresh = await refreshHistory(shop.repository.root, store.db);
    expect(refresh).toMatchObject({ mode: 'full', inserted: 5 });
    expect(shas(store.db)).toEqual([replacement, shop.moveUtil, shop.prefixOption, shop.fixEmptyCart, shop.initial]);
    // Only the guard lines of the first fix remain: the helpers lines were rewritten.
    expect(surviving(store.db)).toEqual({ [shop.fixEmptyCart]: 3, [replacement]: 1 });
  });

  it('leaves surviving unknown when the time budget is spent, and a later run fills it in', async () => {
    const refresh = await refreshHistory(shop.repository.root, store.db, { survivalBudgetMs: 0 });
    expect(refresh).toMatchObject({ inserted: 7, survivalComputed: 0, survivalPending: 2 });
    expect(surviving(store.db)).toEqual({ [shop.fixEmptyCart]: null, [shop.fixNullPrice]: null });
    expect(await refreshHistory(shop.repository.root, store.db)).toMatchObject({ mined: 0, survivalComputed: 2, survivalPending: 0 });
    expect(surviving(store.db)).toEqual({ [shop.fixEmptyCart]: 3, [shop.fixNullPrice]: 2 });
  });

  it('returns null and writes nothing outside a git work tree', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'codewright-plain-'));
    try {
      expect(await refreshHistory(folder, store.db)).toBeNull();
      expect(store.db.prepare('SELECT COUNT(*) AS n FROM commits').get()).toEqual({ n: 0 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
