/** A scratch clone of the benchmarked checkout: changes are applied there, never in the checkout itself. */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs git in `dir` and returns its stdout. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The scratch clone: `dir`, reset to `head` of the checkout. */
export interface Scratch {
  dir: string;
  head: string;
  /** Back to `head`, dropping edits and untracked files (ignored ones, like node_modules, stay). */
  reset(): void;
  /**
   * Removes what a check leaves in the `.codewright` folder but its caches (and prunes its worktrees). Needed while `check` fails
   * on a second run in a repository whose .gitignore ignores `.codewright` (collect-change.ts passes
   * `:(exclude).codewright` to `git add`, which git refuses for an ignored path).
   */
  removeCheckState(): void;
  /** Applies a unified diff (from {@link Scratch.diff}) to the clean tree. */
  apply(patch: string): void;
  /** The working tree's change against `head`, as a unified diff. */
  diff(): string;
  read(path: string): string;
  write(path: string, text: string): void;
}

/** Clones `checkout` into `<stateDir>/work` once (later runs fetch), and links the checkout's node_modules into it. */
export function openScratch(checkout: string, stateDir: string): Scratch {
  const dir = join(stateDir, 'work');
  const head = git(checkout, 'rev-parse', 'HEAD').trim();
  mkdirSync(stateDir, { recursive: true });
  if (!existsSync(join(dir, '.git'))) git(stateDir, 'clone', '--quiet', '--no-checkout', checkout, 'work');
  else git(dir, 'fetch', '--quiet', checkout, head);
  git(dir, 'checkout', '--quiet', '--force', '--detach', head);
  git(dir, 'clean', '-fdq', '-e', '/.codewright/');
  const modules = join(dir, 'node_modules');
  if (existsSync(join(checkout, 'node_modules')) && !lstatExists(modules)) symlinkSync(join(checkout, 'node_modules'), modules);
  const patchFile = join(tmpdir(), `codewright-check-bench-${process.pid}.patch`);
  // Everything but `cache/` and the folder's .gitignore (the test map and base type-check results of HEAD, which later checks reuse).
  const removeCheckState = () => {
    const state = join(dir, '.codewright');
    for (const entry of existsSync(state) ? readdirSync(state) : []) if (entry !== 'cache' && entry !== '.gitignore') rmSync(join(state, entry), { recursive: true, force: true });
    git(dir, 'worktree', 'prune');
  };
  // An interrupted run leaves check worktrees, whose test files a runner's own search would find.
  removeCheckState();
  return {
    dir,
    head,
    reset() {
      git(dir, 'reset', '--quiet', '--hard', head);
      git(dir, 'clean', '-fdq', '-e', '/.codewright/');
    },
    removeCheckState,
    apply(patch) {
      writeFileSync(patchFile, patch);
      git(dir, 'apply', '--whitespace=nowarn', patchFile);
    },
    diff: () => git(dir, 'diff', '--no-color', '--no-ext-diff'),
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    write: (path, text) => writeFileSync(join(dir, path), text),
  };
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
