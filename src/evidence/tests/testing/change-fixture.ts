/** Builds a base and a changed worktree of a small git repository, and a CheckContext over them, for tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CheckContext, TouchedSymbol } from '../../types.ts';
import { silentLogger } from '../../../core/logger.ts';
import { parseGitDiff } from './parse-diff.ts';

/** A repository with `.codewright/worktrees/base` and `.codewright/worktrees/change`. */
export interface ChangeFixture {
  root: string;
  baseDir: string;
  changeDir: string;
  context(overrides?: Partial<CheckContext>): CheckContext;
  remove(): void;
}

const gitEnvironment = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function write(root: string, files: Record<string, string | null>): void {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    if (content === null) rmSync(target, { force: true });
    else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
}

/** Commits `base`, checks it out twice, writes `change` (null deletes) into the second; `nodeModules` is linked at the root. */
export function createChangeFixture(base: Record<string, string>, change: Record<string, string | null>, options: { nodeModules?: string } = {}): ChangeFixture {
  const root = mkdtempSync(join(tmpdir(), 'codewright-evidence-'));
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, env: gitEnvironment, encoding: 'utf8', timeout: 30_000 });
  write(root, { '.gitignore': 'node_modules\n.codewright\n__pycache__\n', ...base });
  if (options.nodeModules) symlinkSync(options.nodeModules, join(root, 'node_modules'));
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  const baseDir = join(root, '.codewright', 'worktrees', 'base');
  const changeDir = join(root, '.codewright', 'worktrees', 'change');
  git(root, 'worktree', 'add', '-q', '--detach', baseDir, 'HEAD');
  git(root, 'worktree', 'add', '-q', '--detach', changeDir, 'HEAD');
  write(changeDir, change);
  git(changeDir, 'add', '-A');
  const parsed = parseGitDiff(git(changeDir, 'diff', '--cached', 'HEAD'), git(root, 'rev-parse', 'HEAD').trim());
  const hunks = parsed.files.flatMap((file) => file.hunks);
  return {
    root,
    baseDir,
    changeDir,
    context: (overrides = {}) => ({
      root,
      baseDir,
      changeDir,
      change: parsed,
      hunks,
      intent: 'fix',
      touched: new Map<string, TouchedSymbol[]>(),
      full: false,
      timeoutMs: 60_000,
      logger: silentLogger,
      shared: new Map(),
      ...overrides,
    }),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
