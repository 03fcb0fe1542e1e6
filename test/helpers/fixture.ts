/** Fixture repositories for tests: temp folders with files written by the test and real git. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Fixture {
  root: string;
  write(path: string, content: string | Buffer): void;
  git(...args: string[]): string;
  commit(message: string, date?: string): string;
  remove(): void;
}

const gitEnvironment = {
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** Makes a temp folder with `files`; `git: true` initialises a repository and commits them. */
export function createFixture(files: Record<string, string | Buffer> = {}, options: { git?: boolean } = {}): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'codewright-test-'));
  let tick = 0;
  const fixture: Fixture = {
    root,
    write(path, content) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    },
    git(...args) {
      return execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], {
        cwd: root,
        env: { ...process.env, ...gitEnvironment },
        encoding: 'utf8',
        timeout: 30_000,
      });
    },
    commit(message, date) {
      const when = date ?? new Date(Date.UTC(2024, 0, 1) + tick++ * 3_600_000).toISOString();
      fixture.git('add', '-A');
      execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
        cwd: root,
        env: { ...process.env, ...gitEnvironment, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
        timeout: 30_000,
      });
      return fixture.git('rev-parse', 'HEAD').trim();
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [path, content] of Object.entries(files)) fixture.write(path, content);
  if (options.git) {
    fixture.git('init', '-q');
    if (Object.keys(files).length > 0) fixture.commit('initial commit');
  }
  return fixture;
}
