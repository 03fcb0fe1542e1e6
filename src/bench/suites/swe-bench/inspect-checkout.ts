/** Looks at a local repository at a base commit, without checking it out: top-level files and the test runner its package.json names. */
import { parseJson } from '../../../core/result.ts';
import type { RunnerName } from '../../../evidence/tests/index.ts';
import { runnerFromScripts } from '../../../evidence/tests/script-commands.ts';
import { git } from '../../../evidence/workspace/git.ts';

/** What setup and test commands need to know about a checkout. */
export interface CheckoutFacts {
  /** Top-level file names at the commit. */
  files: Set<string>;
  /** The runner package.json's test script starts, if any. */
  runner?: RunnerName;
}

/** Facts about `commit` in the repository at `path`; undefined when git cannot read it (not a repository, unknown commit). */
export async function inspectCheckout(path: string, commit: string, timeoutMs = 30_000): Promise<CheckoutFacts | undefined> {
  const listing = await git(['ls-tree', '--name-only', '-z', commit], { cwd: path, timeoutMs });
  if (listing.code !== 0) return undefined;
  const files = new Set(listing.stdout.split('\0').filter((name) => name !== ''));
  if (!files.has('package.json')) return { files };
  const manifest = await git(['show', `${commit}:package.json`], { cwd: path, timeoutMs });
  const parsed = parseJson(manifest.stdout);
  const scripts = parsed.success && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as { scripts?: unknown }).scripts : undefined;
  if (typeof scripts !== 'object' || scripts === null) return { files };
  const texts = Object.fromEntries(Object.entries(scripts).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const runner = runnerFromScripts(texts)?.name;
  return runner ? { files, runner } : { files };
}
