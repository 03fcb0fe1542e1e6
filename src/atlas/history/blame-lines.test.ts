import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blameLines } from './blame-lines.ts';
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

describe('blameLines', () => {
  it('counts the lines of the wanted commits only, following the file across its rename', async () => {
    const wanted = new Set([shop.initial, shop.fixEmptyCart, shop.prefixOption]);
    const outcome = await blameLines(repository, shop.refactorGuards, 'src/helpers.ts', wanted, { timeoutMs: 10_000 });
    expect(outcome).toEqual({
      status: 'done',
      lines: new Map([[shop.initial, 4], [shop.fixEmptyCart, 2], [shop.prefixOption, 1]]),
    });
  });

  it('stops at the parents of the oldest commit of interest', async () => {
    const wanted = new Set([shop.fixEmptyCart, shop.prefixOption]);
    const outcome = await blameLines(repository, shop.refactorGuards, 'src/helpers.ts', wanted, {
      timeoutMs: 10_000,
      oldest: shop.fixEmptyCart,
    });
    expect(outcome).toEqual({ status: 'done', lines: new Map([[shop.fixEmptyCart, 2], [shop.prefixOption, 1]]) });
    const fromRoot = await blameLines(repository, shop.refactorGuards, 'src/helpers.ts', new Set([shop.initial]), {
      timeoutMs: 10_000,
      oldest: shop.initial,
    });
    expect(fromRoot).toEqual({ status: 'done', lines: new Map([[shop.initial, 4]]) });
  });

  it('reports a failure instead of throwing', async () => {
    expect(await blameLines(repository, shop.refactorGuards, 'src/missing.ts', new Set(), { timeoutMs: 10_000 })).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('no such path'),
    });
  });
});
