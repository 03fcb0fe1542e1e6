/** Fixture projects for provider tests: a git repository with a base commit, a base worktree and a change applied on top. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../../../core/logger.ts';
import type { Change } from '../../../core/change.ts';
import type { CheckContext } from '../../types.ts';
import { parseDiff } from './parse-diff.ts';

/** codewright's own node_modules (typescript, eslint, zod), linked into fixtures instead of installing anything. */
export const codewrightNodeModules = fileURLToPath(new URL('../../../../node_modules', import.meta.url));

/** A fixture project: the context a provider receives, and cleanup. */
export interface CheckFixture {
  context: CheckContext;
  remove(): void;
}

/** How a fixture is made. */
export interface CheckFixtureOptions {
  /** Link codewright's node_modules into both worktrees (default true). */
  nodeModules?: boolean;
  timeoutMs?: number;
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

/** Commits `base`, adds a base worktree, applies `changes` (null deletes) in the repository and diffs them. */
export function createCheckFixture(base: Record<string, string>, changes: Record<string, string | null>, options: CheckFixtureOptions = {}): CheckFixture {
  const folder = mkdtempSync(join(tmpdir(), 'codewright-evidence-'));
  const changeDir = join(folder, 'change');
  const baseDir = join(folder, 'base');
  mkdirSync(changeDir);
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com' };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd: changeDir, env, encoding: 'utf8' });
  git('init', '-q');
  write(changeDir, { '.gitignore': 'node_modules\n', ...base });
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const revision = git('rev-parse', 'HEAD').trim();
  git('worktree', 'add', '-q', '--detach', baseDir, revision);
  if (options.nodeModules ?? true) {
    for (const dir of [changeDir, baseDir]) symlinkSync(codewrightNodeModules, join(dir, 'node_modules'));
  }
  write(changeDir, changes);
  git('add', '-A');
  const change = parseDiff(git('diff', '--cached', '-M', revision), revision);
  const context = featureCheckContext({ root: changeDir, baseDir, changeDir, change, timeoutMs: options.timeoutMs });
  return { context, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** A check context for a `feature` change of `change` between two worktrees, as the build tests use it. */
export function featureCheckContext(input: { root: string; baseDir: string; changeDir: string; change: Change; timeoutMs?: number }): CheckContext {
  return {
    root: input.root,
    baseDir: input.baseDir,
    changeDir: input.changeDir,
    change: input.change,
    hunks: input.change.files.flatMap((file) => file.hunks),
    intent: 'feature',
    touched: new Map(),
    full: false,
    timeoutMs: input.timeoutMs ?? 60_000,
    logger: silentLogger,
    shared: new Map(),
  };
}
