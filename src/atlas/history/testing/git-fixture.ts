/** Builds small git repositories in temp folders for the history tests, with fixed authors and dates. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrations } from '../../store/schema.ts';

/** A repository made by a test; every commit is one minute after the previous one. */
export interface FixtureRepository {
  root: string;
  /** Runs git in the repository and returns its trimmed stdout. */
  git(...args: string[]): string;
  /** Writes files (null deletes), stages everything and commits; returns the sha. */
  commit(message: string, files?: Record<string, string | Uint8Array | null>): string;
  /** Moves the clock one minute on, for git commands that commit (merge, rebase). */
  tick(): void;
  remove(): void;
}

let clock = 1_700_000_000;

function environment(time: number): NodeJS.ProcessEnv {
  const date = `@${time} +0000`;
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Ada Lovelace',
    GIT_AUTHOR_EMAIL: 'ada@example.com',
    GIT_COMMITTER_NAME: 'Ada Lovelace',
    GIT_COMMITTER_EMAIL: 'ada@example.com',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}

/** Creates an empty repository on branch `main` in a new temp folder. */
export function createFixtureRepository(): FixtureRepository {
  const root = mkdtempSync(join(tmpdir(), 'codewright-history-'));
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
      cwd: root,
      env: environment(clock),
      encoding: 'utf8',
    }).trim();
  git('init', '-q');
  return {
    root,
    git,
    commit(message, files = {}) {
      for (const [path, content] of Object.entries(files)) {
        const target = join(root, path);
        if (content === null) rmSync(target, { force: true });
        else {
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, content);
        }
      }
      git('add', '-A');
      clock += 60;
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    tick: () => {
      clock += 60;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Lines `prefix 1` … `prefix n`, newline-terminated. */
export function lines(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, index) => `${prefix} ${index + 1}\n`).join('');
}

/** A new index database file, in its own temp folder, with the first migration applied. */
export function createTestDatabase(): { db: DatabaseSync; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'codewright-history-db-'));
  const db = new DatabaseSync(join(folder, 'index.db'));
  db.exec(migrations[0] ?? '');
  return {
    db,
    remove() {
      db.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
