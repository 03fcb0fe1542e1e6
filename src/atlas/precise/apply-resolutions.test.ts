import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyResolutions } from './apply-resolutions.ts';
import type { ResolvedBatch } from './backend.ts';
import { findFilesToResolve } from './find-files-to-resolve.ts';
import { createMonorepo, monorepoFiles, type FixtureFolder } from './testing/fixture-repository.ts';
import { createMemoryStore, seedFile } from './testing/seed-store.ts';
import { createTypeScriptBackend } from './typescript-backend.ts';

const main = 'packages/b/src/main.ts';
const greetFile = 'packages/a/src/greet.ts';

interface RefState {
  target: number | null;
  resolution: string | null;
}

describe('applyResolutions', () => {
  let repo: FixtureFolder;
  let db: DatabaseSync;
  const ref = (path: string, line: number, token: string, occurrence = 1): RefState => {
    const column = repo.column(path, line, token, occurrence);
    const row = db
      .prepare('SELECT target_id AS target, resolution FROM refs JOIN files ON files.id = refs.file_id WHERE files.path = ? AND line = ? AND col = ?')
      .get(path, line, column) as { target: number | null; resolution: string | null } | undefined;
    if (!row) throw new Error(`no ref at ${path}:${line}:${column}`);
    return { target: row.target === null ? null : Number(row.target), resolution: row.resolution };
  };
  const symbolId = (path: string, name: string, nameLine: number): number => {
    const row = db
      .prepare('SELECT symbols.id AS id FROM symbols JOIN files ON files.id = symbols.file_id WHERE files.path = ? AND name = ? AND name_line = ?')
      .get(path, name, nameLine) as { id: number };
    return Number(row.id);
  };

  beforeEach(() => {
    repo = createMonorepo();
    db = createMemoryStore();
    for (const path of Object.keys(monorepoFiles).filter((path) => /\.[jt]s$/.test(path))) seedFile(db, repo.root, path);
  });
  afterEach(() => {
    db.close();
    repo.remove();
  });

  it('points refs at symbol rows, marks external ones and keeps locals precise without a symbol', async () => {
    const report = await applyResolutions(db, createTypeScriptBackend().doResolve({ root: repo.root }));
    expect(ref(main, 6, 'greet')).toEqual({ target: symbolId(greetFile, 'greet', 4), resolution: 'precise' });
    expect(ref(main, 6, 'area')).toEqual({ target: symbolId('packages/a/src/shape.ts', 'area', 6), resolution: 'precise' });
    expect(ref(main, 6, 'console')).toEqual({ target: null, resolution: 'external' });
    expect(ref(main, 12, 'greet')).toEqual({ target: null, resolution: 'precise' });
    expect(report).toMatchObject({ files: 6, missingRefs: 0, missingFiles: 0, unresolved: 0, matchedByName: 0, problems: [] });
    expect(report.precise + report.preciseWithoutSymbol + report.external).toBe(report.occurrences);
    const unresolvedRefs = db.prepare('SELECT count(*) AS n FROM refs WHERE resolution IS NULL').get() as { n: number };
    expect(Number(unresolvedRefs.n)).toBe(0);
  });

  it('counts identifiers the syntactic pass did not record, and matches refs whose column differs by name', async () => {
    const column = repo.column(main, 6, 'console');
    db.prepare("DELETE FROM refs WHERE name = 'log' AND line = 6").run();
    db.prepare("UPDATE refs SET col = col + 1 WHERE name = 'console' AND line = 6 AND col = ?").run(column);
    const report = await applyResolutions(db, createTypeScriptBackend().doResolve({ root: repo.root, files: [main] }));
    expect(report.missingRefs).toBe(1);
    expect(report.matchedByName).toBe(1);
    const moved = db.prepare("SELECT resolution FROM refs WHERE name = 'console' AND line = 6").get() as { resolution: string };
    expect(moved.resolution).toBe('external');
  });

  it('rolls a failing batch back and rethrows', async () => {
    const failing: ResolvedBatch[] = [
      {
        problems: [],
        files: [
          {
            path: main,
            program: 'test',
            counts: { identifiers: 2, resolved: 2, declarationNames: 0 },
            occurrences: [
              { line: 6, column: repo.column(main, 6, 'console'), name: 'console', target: 'external' },
              { line: 6, column: repo.column(main, 6, 'log'), name: 'log', target: { path: greetFile, line: Number.NaN, column: 0 } },
            ],
          },
        ],
      },
    ];
    db.exec('CREATE TRIGGER refuse BEFORE UPDATE ON refs WHEN NEW.name = \'log\' BEGIN SELECT RAISE(ABORT, \'refused\'); END');
    await expect(applyResolutions(db, failing)).rejects.toThrow(/refused/);
    expect(db.isTransaction).toBe(false);
    expect(ref(main, 6, 'console').resolution).toBeNull();
  });

  it('re-resolves a changed file and the files whose refs pointed into it', async () => {
    const backend = createTypeScriptBackend();
    await applyResolutions(db, backend.doResolve({ root: repo.root }));
    const before = symbolId(greetFile, 'greet', 4);
    expect(ref(main, 6, 'greet').target).toBe(before);

    // Two lines added at the top move `greet`; the syntactic pass replaces the file's rows.
    repo.write(greetFile, `// moved\n// down\n${monorepoFiles[greetFile]}`);
    seedFile(db, repo.root, greetFile);
    expect(ref(main, 6, 'greet')).toEqual({ target: null, resolution: 'stale' });

    const files = findFilesToResolve(db, [greetFile]);
    expect(files).toEqual(['packages/a/src/greet.ts', 'packages/a/src/index.ts', main]);
    const report = await applyResolutions(db, backend.doResolve({ root: repo.root, files }));
    expect(report.files).toBe(3);
    const after = symbolId(greetFile, 'greet', 6);
    expect(after).not.toBe(before);
    expect(ref(main, 6, 'greet')).toEqual({ target: after, resolution: 'precise' });
    expect(ref(main, 1, 'greet')).toEqual({ target: after, resolution: 'precise' });
    const stale = db.prepare("SELECT count(*) AS n FROM refs WHERE resolution = 'stale'").get() as { n: number };
    expect(Number(stale.n)).toBe(0);
  });
});
