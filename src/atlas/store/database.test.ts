import { writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { CodewrightError } from '../../core/errors.ts';
import { createLogger } from '../../core/logger.ts';
import { Writable } from 'node:stream';
import { applicationId, databasePath, ensureDataDirectory, openIndex, transaction } from './database.ts';
import { migrations } from './schema.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

function capture(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  return { logger: createLogger({ stream }), lines };
}

describe('openIndex', () => {
  test('creates a migrated database marked as ours, ignored by git', () => {
    fixture = createFixture();
    const db = openIndex(fixture.root, { writable: true });
    expect(Number((db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id)).toBe(applicationId);
    expect(Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version)).toBe(migrations.length);
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    db.close();
  });

  test('a reader of a repository never indexed is told what to run', () => {
    fixture = createFixture();
    expect(() => openIndex(fixture.root, { writable: false })).toThrow(/Run `codewright index/);
    try {
      openIndex(fixture.root, { writable: false });
    } catch (error) {
      expect(CodewrightError.isInstance(error) && error.code).toBe('NOT_INDEXED');
    }
  });

  test('a corrupt file is rebuilt by the writer with a message, and reported to readers', () => {
    fixture = createFixture();
    ensureDataDirectory(fixture.root);
    writeFileSync(databasePath(fixture.root), 'this is not a database at all, just text that is long enough');
    expect(() => openIndex(fixture.root, { writable: false })).toThrow(/not an SQLite database.*--rebuild/);
    const { logger, lines } = capture();
    const db = openIndex(fixture.root, { writable: true, logger });
    expect(lines.join('')).toMatch(/unusable .*rebuilding/);
    expect((db.prepare('SELECT count(*) AS n FROM files').get() as { n: number }).n).toBe(0);
    db.close();
  });

  test('a foreign SQLite database is detected and rebuilt', () => {
    fixture = createFixture();
    ensureDataDirectory(fixture.root);
    const foreign = new DatabaseSync(databasePath(fixture.root));
    foreign.exec('CREATE TABLE people(name TEXT); INSERT INTO people VALUES (1)');
    foreign.close();
    const { logger, lines } = capture();
    const db = openIndex(fixture.root, { writable: true, logger });
    expect(lines.join('')).toMatch(/another program/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'people'").get()).toBeUndefined();
    db.close();
  });

  test('an index from a newer codewright is not overwritten', () => {
    fixture = createFixture();
    openIndex(fixture.root, { writable: true }).close();
    const raw = new DatabaseSync(databasePath(fixture.root));
    raw.exec(`PRAGMA user_version = ${migrations.length + 5}`);
    raw.close();
    expect(() => openIndex(fixture.root, { writable: true })).toThrow(/newer codewright/);
  });

  test('transaction rolls back everything on error', () => {
    fixture = createFixture();
    const db = openIndex(fixture.root, { writable: true });
    expect(() =>
      transaction(db, () => {
        db.prepare("INSERT INTO meta(key, value) VALUES ('a', '1')").run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.prepare("SELECT value FROM meta WHERE key = 'a'").get()).toBeUndefined();
    db.close();
  });
});
