import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followRenames } from './follow-renames.ts';
import { mineCommits } from './mine-commits.ts';
import { detectRepository } from './repository.ts';
import { createTestDatabase } from './testing/git-fixture.ts';
import type { ShopHistory } from './testing/shop-history.ts';
import { createShopHistory } from './testing/shop-history.ts';
import type { CommitFact } from './types.ts';
import { updateSurviving, writeHistory } from './write-history.ts';

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

async function mine(since: string | null = null) {
  const repository = await detectRepository(shop.repository.root);
  if (!repository) throw new Error('no repository');
  const mined = await mineCommits(repository, { since });
  return { mined, ...followRenames(mined.commits) };
}

const coChanges = (db: DatabaseSync) => db.prepare('SELECT path_a, path_b, count FROM co_changes ORDER BY 1, 2').all().map((row) => ({ ...row }));
const count = (db: DatabaseSync, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('writeHistory', () => {
  it('stores commits, files at their HEAD names, and co-changes seen at least twice', async () => {
    const { db } = store;
    const { commits } = await mine();
    expect(writeHistory(db, { commits, replace: true })).toEqual({ inserted: 7, skipped: 0, pruned: 0, invalidated: 0 });
    const fix = db.prepare('SELECT * FROM commits WHERE sha = ?').get(shop.fixNullPrice);
    expect({ ...fix }).toMatchObject({ is_fix: 1, issues: '#7,octo/shop#9', files_changed: 2, added: 2, deleted: 1, surviving: null });
    const helpers = db.prepare(
      'SELECT c.sha AS sha, f.added AS added FROM file_commits f JOIN commits c ON c.id = f.commit_id WHERE f.path = ? ORDER BY c.id',
    ).all('src/helpers.ts');
    expect(helpers.map((row) => ({ ...row }))).toEqual([
      { sha: shop.initial, added: 4 },
      { sha: shop.fixEmptyCart, added: 2 },
      { sha: shop.prefixOption, added: 1 },
      { sha: shop.moveUtil, added: 0 },
      { sha: shop.fixNullPrice, added: 1 },
    ]);
    expect(coChanges(db)).toEqual([{ path_a: 'src/app.ts', path_b: 'src/helpers.ts', count: 4 }]);
  });

  it('changes nothing when the same commits are written again', async () => {
    const { db } = store;
    const { commits } = await mine();
    writeHistory(db, { commits, replace: false });
    expect(writeHistory(db, { commits, replace: false })).toEqual({ inserted: 0, skipped: 7, pruned: 0, invalidated: 0 });
    expect(count(db, 'commits')).toBe(7);
    expect(count(db, 'file_commits')).toBe(14);
    expect(coChanges(db)).toEqual([{ path_a: 'src/app.ts', path_b: 'src/helpers.ts', count: 4 }]);
  });

  it('adds new commits, recounts co-changes, applies renames to stored paths, and resets stale survival', async () => {
    const { db } = store;
    writeHistory(db, { commits: (await mine()).commits, replace: true });
    updateSurviving(db, new Map([[shop.fixEmptyCart, 3], [shop.fixNullPrice, 2]]));
    const head = shop.refactorGuards;
    shop.repository.commit('Move helpers to lib', { 'src/helpers.ts': null, 'src/lib/helpers.ts': shop.repository.git('show', 'HEAD:src/helpers.ts') + '\n' });
    const touch = shop.repository.commit('Tune helpers and app', {
      'src/lib/helpers.ts': shop.repository.git('show', 'HEAD:src/lib/helpers.ts') + '\nmore\n',
      'src/app.ts': shop.repository.git('show', 'HEAD:src/app.ts') + '\nmore\n',
    });
    const next = await mine(head);
    expect(next.mined.mode).toBe('incremental');
    const summary = writeHistory(db, { commits: next.commits, renames: next.renames, replace: false });
    expect(summary).toEqual({ inserted: 2, skipped: 0, pruned: 0, invalidated: 2 });
    expect(coChanges(db)).toEqual([{ path_a: 'src/app.ts', path_b: 'src/lib/helpers.ts', count: 5 }]);
    expect(count(db, "file_commits WHERE path = 'src/helpers.ts'")).toBe(0);
    expect(count(db, "file_commits WHERE path = 'src/lib/helpers.ts'")).toBe(7);
    const newest = db.prepare('SELECT sha FROM commits ORDER BY id DESC LIMIT 1').get() as { sha: string };
    expect(newest.sha).toBe(touch);
    expect(count(db, 'commits WHERE surviving IS NOT NULL')).toBe(0);
  });

  it('drops the oldest commits beyond maxCommits', async () => {
    const { db } = store;
    const { commits } = await mine();
    expect(writeHistory(db, { commits, replace: true, maxCommits: 3 }).pruned).toBe(4);
    const kept = db.prepare('SELECT sha FROM commits ORDER BY id DESC').all().map((row) => row.sha);
    expect(kept).toEqual([shop.refactorGuards, shop.fixNullPrice, shop.addParser]);
    expect(count(db, 'file_commits')).toBe(4);
    expect(coChanges(db)).toEqual([]);
  });

  it('rolls everything back when a write fails', async () => {
    const { db } = store;
    const { commits } = await mine();
    writeHistory(db, { commits: commits.slice(1), replace: true });
    const broken = { ...commits[0], sha: null } as unknown as CommitFact;
    expect(() => writeHistory(db, { commits: [broken], replace: true })).toThrow(/NOT NULL/);
    expect(db.isTransaction).toBe(false);
    expect(count(db, 'commits')).toBe(6);
    expect(coChanges(db)).toEqual([{ path_a: 'src/app.ts', path_b: 'src/helpers.ts', count: 4 }]);
  });
});
