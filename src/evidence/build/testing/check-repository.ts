/** A fixture repository checked more than once: each check gets fresh base and change worktrees, as `codewright check` makes them. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CheckContext } from '../../types.ts';
import { codewrightNodeModules, featureCheckContext } from './check-fixture.ts';
import { parseDiff } from './parse-diff.ts';

/** A repository (the user's tree) and the checks made of it. */
export interface CheckRepository {
  /** The user's tree: the repository's top level. */
  root: string;
  /** Writes files into the user's tree without committing them (null deletes). */
  write(files: Record<string, string | null>): void;
  /** Writes and commits `files` in the user's tree; returns the new commit id. */
  commit(files: Record<string, string | null>): string;
  /** The context of a check of `changes` against `base` (default the last commit), in new worktrees. */
  check(changes: Record<string, string | null>, options?: { base?: string; timeoutMs?: number }): CheckContext;
  remove(): void;
}

function write(dir: string, files: Record<string, string | null>): void {
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    if (content === null) rmSync(target, { force: true });
    else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
}

/** Commits `base` in a new repository whose node_modules is a link to `nodeModules` (default codewright's own). */
export function createCheckRepository(base: Record<string, string>, options: { nodeModules?: string } = {}): CheckRepository {
  const folder = mkdtempSync(join(tmpdir(), 'codewright-repository-'));
  const root = join(folder, 'repository');
  mkdirSync(root);
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com' };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, env, encoding: 'utf8' });
  const nodeModules = options.nodeModules ?? codewrightNodeModules;
  const commit = (files: Record<string, string | null>) => {
    write(root, files);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '--allow-empty', '-m', 'commit');
    return git(root, 'rev-parse', 'HEAD').trim();
  };
  git(root, 'init', '-q');
  symlinkSync(nodeModules, join(root, 'node_modules'));
  let head = commit({ '.gitignore': 'node_modules\n.codewright\n', ...base });
  let checks = 0;
  return {
    root,
    write: (files) => write(root, files),
    commit(files) {
      head = commit(files);
      return head;
    },
    check(changes, checkOptions = {}) {
      const revision = checkOptions.base ?? head;
      checks += 1;
      const baseDir = join(folder, 'worktrees', `${checks}-base`);
      const changeDir = join(folder, 'worktrees', `${checks}-change`);
      for (const dir of [baseDir, changeDir]) {
        git(root, 'worktree', 'add', '-q', '--detach', dir, revision);
        symlinkSync(nodeModules, join(dir, 'node_modules'));
      }
      write(changeDir, changes);
      git(changeDir, 'add', '-A');
      const change = parseDiff(git(changeDir, 'diff', '--cached', '-M', revision), revision);
      return featureCheckContext({ root, baseDir, changeDir, change, timeoutMs: checkOptions.timeoutMs });
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
