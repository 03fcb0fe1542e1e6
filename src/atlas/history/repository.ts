/** Finds the git work tree around a folder, its HEAD, and answers small questions about commits. */
import type { Logger } from '../../core/logger.ts';
import { silentLogger } from '../../core/logger.ts';
import { runGit } from './run-git.ts';
import { createSplitter } from './split-stream.ts';

/** A folder inside a git work tree; every git command runs in `root`. */
export interface GitRepository {
  /** The folder history is mined for (the indexed root); paths are relative to it. */
  root: string;
  /** Absolute path of the work tree's top level. */
  topLevel: string;
  /** `root` relative to the top level with a trailing slash, '' at the top. */
  prefix: string;
  /** HEAD's commit, null before the first commit. */
  head: string | null;
}

/** Options for the small git commands. */
export interface GitQueryOptions {
  timeoutMs?: number;
  logger?: Logger;
}

const defaultTimeoutMs = 10_000;

/** The git repository `root` lies in, or null when it is not in a work tree or git is not installed. */
export async function detectRepository(root: string, options: GitQueryOptions = {}): Promise<GitRepository | null> {
  const logger = options.logger ?? silentLogger;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const probe = await runGit(['rev-parse', '--is-inside-work-tree', '--show-toplevel', '--show-prefix'], {
    cwd: root,
    timeoutMs,
  });
  if (probe.spawnError || probe.code !== 0) {
    logger.debug(`history: ${root} is not in a git work tree (${probe.spawnError?.message ?? probe.stderr.trim()})`);
    return null;
  }
  const [inside, topLevel = root, prefix = ''] = probe.stdout.split('\n');
  if (inside !== 'true') return null;
  const head = await runGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: root, timeoutMs });
  return { root, topLevel, prefix, head: head.code === 0 ? head.stdout.trim() : null };
}

/** True when `ancestor` is a commit reachable from `descendant`; false when not, or when unknown. */
export async function isAncestor(
  repository: GitRepository,
  ancestor: string,
  descendant: string,
  options: GitQueryOptions = {},
): Promise<boolean> {
  const result = await runGit(['merge-base', '--is-ancestor', ancestor, descendant], {
    cwd: repository.root,
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
  });
  return result.code === 0;
}

/** The files in a commit's tree under `root`, relative to it; null when git failed or timed out. */
export async function listTreeFiles(
  repository: GitRepository,
  commit: string,
  options: GitQueryOptions = {},
): Promise<Set<string> | null> {
  const files = new Set<string>();
  const splitter = createSplitter(0, (path) => files.add(path));
  const result = await runGit(['ls-tree', '-r', '-z', '--name-only', commit], {
    cwd: repository.root,
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
    onStdout: (chunk) => splitter.push(chunk),
  });
  if (result.code !== 0) {
    options.logger?.warn(`history: git ls-tree failed (${result.timedOut ? 'timed out' : result.stderr.trim()})`);
    return null;
  }
  const rest = splitter.end();
  if (rest !== '') files.add(rest);
  return files;
}
