import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mineCommits } from './mine-commits.ts';
import { detectRepository } from './repository.ts';
import type { GitRepository } from './repository.ts';
import { createFixtureRepository } from './testing/git-fixture.ts';
import type { ShopHistory } from './testing/shop-history.ts';
import { createShopHistory } from './testing/shop-history.ts';

let shop: ShopHistory;
let repository: GitRepository;

beforeAll(async () => {
  shop = createShopHistory();
  const detected = await detectRepository(shop.repository.root);
  if (!detected) throw new Error('fixture is not a repository');
  repository = detected;
});

afterAll(() => shop.repository.remove());

describe('detectRepository', () => {
  it('returns null for a folder outside any git work tree', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'codewright-plain-'));
    try {
      expect(await detectRepository(folder)).toBeNull();
      expect(await detectRepository(join(folder, 'missing'))).toBeNull();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('finds HEAD, the top level and the prefix of a subfolder', async () => {
    expect(repository).toMatchObject({ prefix: '', head: shop.refactorGuards });
    const sub = await detectRepository(join(shop.repository.root, 'src'));
    expect(sub).toMatchObject({ prefix: 'src/', head: shop.refactorGuards });
  });
});

describe('mineCommits', () => {
  it('mines every non-merge commit newest first with exact numstat', async () => {
    const mined = await mineCommits(repository);
    expect(mined).toMatchObject({ mode: 'full', head: shop.refactorGuards, complete: true });
    expect(mined.commits.map((commit) => commit.sha)).toEqual([
      shop.refactorGuards, shop.fixNullPrice, shop.addParser, shop.moveUtil, shop.prefixOption, shop.fixEmptyCart, shop.initial,
    ]);
    const bySha = new Map(mined.commits.map((commit) => [commit.sha, commit]));
    expect(bySha.get(shop.initial)?.files).toEqual([
      { path: 'docs/read me.md', added: 2, deleted: 0, binary: false },
      { path: 'logo.png', added: 0, deleted: 0, binary: true },
      { path: 'notes/odd\nname.txt', added: 1, deleted: 0, binary: false },
      { path: 'src/app.ts', added: 10, deleted: 0, binary: false },
      { path: 'src/util.ts', added: 4, deleted: 0, binary: false },
    ]);
    expect(bySha.get(shop.moveUtil)?.files).toEqual([
      { path: 'src/helpers.ts', previousPath: 'src/util.ts', added: 0, deleted: 0, binary: false },
    ]);
    expect(bySha.get(shop.refactorGuards)?.files).toEqual([{ path: 'src/app.ts', added: 1, deleted: 2, binary: false }]);
    expect(bySha.get(shop.fixEmptyCart)).toMatchObject({
      author: 'Ada Lovelace <ada@example.com>',
      subject: 'Fix crash when cart is empty',
      message: 'Fix crash when cart is empty\n\nFixes #12',
      isFix: true,
      issues: ['#12'],
    });
    expect(bySha.get(shop.fixNullPrice)).toMatchObject({ isFix: true, issues: ['#7', 'octo/shop#9'] });
    expect(mined.commits.filter((commit) => commit.isFix).map((commit) => commit.sha)).toEqual([shop.fixNullPrice, shop.fixEmptyCart]);
    const times = mined.commits.map((commit) => commit.time);
    expect(times).toEqual([...times].sort((left, right) => right - left));
  });

  it('keeps only the newest commits up to the cap', async () => {
    const mined = await mineCommits(repository, { maxCommits: 2 });
    expect(mined.commits.map((commit) => commit.sha)).toEqual([shop.refactorGuards, shop.fixNullPrice]);
  });

  it('counts files above largeFileBytes as binary', async () => {
    const mined = await mineCommits(repository, { largeFileBytes: 16 });
    const initial = mined.commits.find((commit) => commit.sha === shop.initial);
    expect(initial?.files.find((file) => file.path === 'src/app.ts')).toEqual({ path: 'src/app.ts', added: 0, deleted: 0, binary: true });
    expect(initial?.files.find((file) => file.path === 'docs/read me.md')).toMatchObject({ added: 2, binary: false });
  });

  it('mines only what follows a stored ancestor, and nothing when it is HEAD', async () => {
    const after = await mineCommits(repository, { since: shop.moveUtil });
    expect(after.mode).toBe('incremental');
    expect(after.commits.map((commit) => commit.sha)).toEqual([shop.refactorGuards, shop.fixNullPrice, shop.addParser]);
    expect(await mineCommits(repository, { since: shop.refactorGuards })).toMatchObject({ mode: 'incremental', commits: [] });
  });

  it('mines everything again when the stored commit is unknown', async () => {
    const mined = await mineCommits(repository, { since: 'f'.repeat(40) });
    expect(mined.mode).toBe('full');
    expect(mined.commits).toHaveLength(7);
  });

  it('mines a subfolder with paths relative to it', async () => {
    const sub = await detectRepository(join(shop.repository.root, 'src'));
    if (!sub) throw new Error('no repository');
    const mined = await mineCommits(sub);
    expect(mined.commits.map((commit) => commit.sha)).not.toContain(shop.merge);
    expect(mined.commits.find((commit) => commit.sha === shop.initial)?.files.map((file) => file.path)).toEqual(['app.ts', 'util.ts']);
  });

  it('returns no commits for a repository without any', async () => {
    const empty = createFixtureRepository();
    try {
      const detected = await detectRepository(empty.root);
      expect(detected?.head).toBeNull();
      expect(await mineCommits(detected as GitRepository)).toEqual({ mode: 'full', head: null, commits: [], complete: true });
    } finally {
      empty.remove();
    }
  });
});
