import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureSurvival } from './measure-survival.ts';
import type { GitRepository } from './repository.ts';
import { detectRepository } from './repository.ts';
import type { ShopHistory } from './testing/shop-history.ts';
import { createShopHistory } from './testing/shop-history.ts';

let shop: ShopHistory;
let repository: GitRepository;

beforeAll(async () => {
  shop = createShopHistory();
  repository = (await detectRepository(shop.repository.root)) as GitRepository;
});

afterAll(() => shop.repository.remove());

describe('measureSurvival', () => {
  it('counts lines still attributed to each fix, one blame per file', async () => {
    const result = await measureSurvival(repository, [
      { sha: shop.fixNullPrice, files: [{ path: 'src/app.ts', added: 1 }, { path: 'src/helpers.ts', added: 1 }] },
      { sha: shop.fixEmptyCart, files: [{ path: 'src/app.ts', added: 3 }, { path: 'src/helpers.ts', added: 2 }] },
    ]);
    expect(result.surviving).toEqual(new Map([[shop.fixNullPrice, 2], [shop.fixEmptyCart, 3]]));
    expect(result).toMatchObject({ pending: 0, filesBlamed: 2, filesFailed: 0, filesNotReached: 0 });
  });

  it('counts files gone from HEAD as zero and fixes without added lines as zero, without blaming', async () => {
    const result = await measureSurvival(
      repository,
      [
        { sha: shop.fixEmptyCart, files: [{ path: 'src/deleted.ts', added: 9 }] },
        { sha: shop.fixNullPrice, files: [{ path: 'src/app.ts', added: 0 }] },
      ],
      { budgetMs: 0 },
    );
    expect(result.surviving).toEqual(new Map([[shop.fixNullPrice, 0]]));
    expect(result.pending).toBe(1);
    const later = await measureSurvival(repository, [{ sha: shop.fixEmptyCart, files: [{ path: 'src/deleted.ts', added: 9 }] }]);
    expect(later).toMatchObject({ surviving: new Map([[shop.fixEmptyCart, 0]]), filesBlamed: 0 });
  });
});
