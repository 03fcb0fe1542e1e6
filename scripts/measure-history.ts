/** Measures history mining and fix longevity on a real repository and prints the figures. */
// Usage: node scripts/measure-history.ts <work-tree> [--git-dir <dir>] [--max-commits N] [--budget-ms N]
//          [--large-file-bytes N] [--incremental-commits N] [--db <file>]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { createLogger } from '../src/core/logger.ts';
import { fileHistory } from '../src/atlas/history/file-history.ts';
import { fixCountsByFile } from '../src/atlas/history/fix-counts.ts';
import { followRenames } from '../src/atlas/history/follow-renames.ts';
import { hotspots } from '../src/atlas/history/hotspots.ts';
import { measureSurvival } from '../src/atlas/history/measure-survival.ts';
import { mineCommits } from '../src/atlas/history/mine-commits.ts';
import { pendingFixes } from '../src/atlas/history/pending-fixes.ts';
import { newestStoredSha, refreshHistory } from '../src/atlas/history/refresh-history.ts';
import { detectRepository, listTreeFiles } from '../src/atlas/history/repository.ts';
import { symbolHistory } from '../src/atlas/history/symbol-history.ts';
import { updateSurviving, writeHistory } from '../src/atlas/history/write-history.ts';
import { migrations } from '../src/atlas/store/schema.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'git-dir': { type: 'string' },
    'max-commits': { type: 'string', default: '20000' },
    'budget-ms': { type: 'string', default: '60000' },
    'large-file-bytes': { type: 'string' },
    'incremental-commits': { type: 'string', default: '100' },
    db: { type: 'string' },
  },
});
const root = resolve(positionals[0] ?? '.');
if (values['git-dir']) {
  // A bare mirror with a separate checkout: point every git child at both.
  process.env.GIT_DIR = resolve(values['git-dir']);
  process.env.GIT_WORK_TREE = root;
}

const time = async <T>(label: string, work: () => T | Promise<T>): Promise<T> => {
  const started = performance.now();
  const value = await work();
  console.log(`${label.padEnd(34)} ${(performance.now() - started).toFixed(0).padStart(7)} ms`);
  return value;
};

const folder = values.db ? undefined : mkdtempSync(join(tmpdir(), 'codewright-measure-'));
const db = new DatabaseSync(folder ? join(folder, 'index.db') : resolve(values.db ?? ''));
db.exec(migrations[0] ?? '');
try {
  const repository = await time('detect repository', () => detectRepository(root));
  if (!repository) throw new Error(`${root} is not in a git work tree`);
  const maxCommits = Number(values['max-commits']);
  const largeFileBytes = values['large-file-bytes'] ? Number(values['large-file-bytes']) : undefined;
  const mined = await time('mine (git log --numstat, parse)', () =>
    mineCommits(repository, { maxCommits, ...(largeFileBytes ? { largeFileBytes } : {}) }),
  );
  const followed = await time('follow renames', () => followRenames(mined.commits));
  const written = await time('write (commits, files, co-changes)', () =>
    writeHistory(db, { commits: followed.commits, renames: followed.renames, replace: true, maxCommits }),
  );
  const fixes = pendingFixes(db);
  const survival = await time('longevity (blame, budgeted)', () =>
    measureSurvival(repository, fixes, { budgetMs: Number(values['budget-ms']), logger: createLogger({ level: 'warn' }) }),
  );
  await time('update surviving', () => updateSurviving(db, survival.surviving));
  const again = await time('incremental refresh (no new commits)', () =>
    refreshHistory(root, db, { maxCommits, survivalBudgetMs: 0 }),
  );
  // An incremental run as if the newest N commits were new: store history up to the commit before them.
  const back = mined.commits[Number(values['incremental-commits'])]?.sha;
  if (back) {
    const older = new DatabaseSync(':memory:');
    older.exec(migrations[0] ?? '');
    const past = await mineCommits({ ...repository, head: back }, { maxCommits });
    const pastFollowed = followRenames(past.commits);
    writeHistory(older, { commits: pastFollowed.commits, renames: pastFollowed.renames, replace: true, maxCommits });
    const added = await time(`incremental mine (${values['incremental-commits']} new)`, () =>
      mineCommits(repository, { since: back, maxCommits }),
    );
    const addedFollowed = followRenames(added.commits);
    await time('incremental write', () =>
      writeHistory(older, { commits: addedFollowed.commits, renames: addedFollowed.renames, replace: false, maxCommits }),
    );
    older.close();
  }
  const spots = await time('hotspots', () => hotspots(db, { limit: 50 }));
  const present = (await listTreeFiles(repository, repository.head ?? 'HEAD')) ?? new Set<string>();
  // The file at HEAD with the most fix commits: a realistic target for history queries.
  const top = spots.byFixes.find((spot) => present.has(spot.path))?.path ?? '';
  await time('fixCountsByFile', () => fixCountsByFile(db));
  const history = await time(`fileHistory(${top})`, () => fileHistory(db, top));
  const symbol = await time(`symbolHistory(${top}:1-40)`, () => symbolHistory(root, top, 1, 40, { limit: 20 }));

  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  console.log('');
  console.log(`head                ${mined.head} (newest stored ${newestStoredSha(db)})`);
  console.log(`commits mined       ${mined.commits.length} (complete: ${mined.complete}), stored ${written.inserted}`);
  console.log(`fix commits         ${count('SELECT COUNT(*) AS n FROM commits WHERE is_fix = 1')}`);
  console.log(`file_commits rows   ${count('SELECT COUNT(*) AS n FROM file_commits')}`);
  console.log(`co_changes pairs    ${count('SELECT COUNT(*) AS n FROM co_changes')}`);
  console.log(`renamed paths       ${followed.renames.size}`);
  console.log(
    `longevity           ${survival.surviving.size}/${fixes.length} fixes measured, ${survival.pending} pending; ` +
      `files blamed ${survival.filesBlamed}, failed ${survival.filesFailed}, not reached ${survival.filesNotReached}`,
  );
  console.log(`incremental run     mode ${again?.mode}, mined ${again?.mined}`);
  console.log(`most-fixed file     ${top}: ${history.commitCount} commits, ${history.fixCount} fixes, survival share ${history.survival.share?.toFixed(2) ?? 'n/a'}`);
  console.log(`symbol history      ${symbol?.commits.length ?? 0} commits${symbol?.timedOut ? ' (timed out)' : ''}`);
} finally {
  db.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
}
