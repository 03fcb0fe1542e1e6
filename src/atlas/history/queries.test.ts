import type { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coChanged } from './co-changed.ts';
import { fileHistory } from './file-history.ts';
import { fixCountsByFile } from './fix-counts.ts';
import { hotspots } from './hotspots.ts';
import { refreshHistory } from './refresh-history.ts';
import { createTestDatabase } from './testing/git-fixture.ts';
import type { ShopHistory } from './testing/shop-history.ts';
import { createShopHistory } from './testing/shop-history.ts';

let shop: ShopHistory;
let store: { db: DatabaseSync; remove(): void };

beforeAll(async () => {
  shop = createShopHistory();
  store = createTestDatabase();
  await refreshHistory(shop.repository.root, store.db);
});

afterAll(() => {
  store.remove();
  shop.repository.remove();
});

describe('fileHistory', () => {
  it('lists commits newest first with the file’s own line counts, totals, fixes and survival', () => {
    const history = fileHistory(store.db, 'src/app.ts', { limit: 3 });
    expect(history.commits.map((commit) => commit.sha)).toEqual([shop.refactorGuards, shop.fixNullPrice, shop.prefixOption]);
    expect(history.commits[0]).toMatchObject({ added: 1, deleted: 2, isFix: false, issues: [], surviving: null });
    expect(history).toMatchObject({ commitCount: 5, added: 16, deleted: 3, churn: 19, fixCount: 2 });
    expect(history.lastChange?.sha).toBe(shop.refactorGuards);
    expect(history.fixes.map((commit) => [commit.sha, commit.issues, commit.surviving])).toEqual([
      [shop.fixNullPrice, ['#7', 'octo/shop#9'], 2],
      [shop.fixEmptyCart, ['#12'], 3],
    ]);
    expect(history.coChanged).toEqual([{ path: 'src/helpers.ts', count: 4, share: 4 / 5 }]);
    expect(history.survival).toEqual({ measured: 2, added: 7, surviving: 5, share: 5 / 7 });
  });

  it('follows a file back through its rename', () => {
    const history = fileHistory(store.db, 'src/helpers.ts');
    expect(history.commits.map((commit) => commit.sha)).toEqual([
      shop.fixNullPrice, shop.moveUtil, shop.prefixOption, shop.fixEmptyCart, shop.initial,
    ]);
  });

  it('returns an empty history for a file never committed', () => {
    expect(fileHistory(store.db, 'nope.ts')).toMatchObject({ commitCount: 0, churn: 0, lastChange: null, commits: [], coChanged: [] });
  });
});

describe('hotspots', () => {
  it('ranks files by churn and by fix commits', () => {
    const spots = hotspots(store.db, { limit: 2 });
    expect(spots.byChurn.map((spot) => [spot.path, spot.churn])).toEqual([['src/app.ts', 19], ['src/helpers.ts', 8]]);
    expect(spots.byFixes.map((spot) => [spot.path, spot.fixes])).toEqual([['src/app.ts', 2], ['src/helpers.ts', 2]]);
    expect(spots.byChurn[0]).toEqual({
      path: 'src/app.ts', commits: 5, added: 16, deleted: 3, churn: 19, fixes: 2, lastChange: expect.any(Number),
    });
  });

  it('counts only commits since a time, and only indexed files when asked', () => {
    const newest = fileHistory(store.db, 'src/app.ts').lastChange?.time ?? 0;
    expect(hotspots(store.db, { since: newest }).byChurn.map((spot) => spot.path)).toEqual(['src/app.ts']);
    expect(hotspots(store.db, { indexedOnly: true })).toEqual({ byChurn: [], byFixes: [] });
  });
});

describe('fixCountsByFile and coChanged', () => {
  it('counts fix commits per file', () => {
    expect(fixCountsByFile(store.db)).toEqual(new Map([['src/app.ts', 2], ['src/helpers.ts', 2]]));
  });

  it('finds co-changed files from either side of a pair', () => {
    expect(coChanged(store.db, 'src/helpers.ts', 5)).toEqual([{ path: 'src/app.ts', count: 4, share: 4 / 5 }]);
    expect(coChanged(store.db, 'logo.png')).toEqual([]);
  });
});
