/** Finds paths whose file contents are missing from the object store (damaged or partial clones). */
import { runProcess } from '../../core/process.ts';
import type { GitRepository } from './repository.ts';

/** True when git's error says it could not read an object it needed. */
export function isMissingObjectError(stderr: string): boolean {
  return /unable to read [0-9a-f]{40}|missing blob|bad object|could not read [0-9a-f]{40}/i.test(stderr);
}

/**
 * Paths (relative to the top level) of `range` whose blobs the repository does not have. Reads only
 * trees (`git log --raw`), then asks `git cat-file --batch-check` about every blob named.
 */
export async function pathsWithMissingBlobs(repository: GitRepository, range: string, timeoutMs: number): Promise<string[]> {
  const log = await runProcess('git', ['log', '--raw', '--no-abbrev', '--no-renames', '--no-merges', '--format=', '-z', range], {
    cwd: repository.topLevel,
    timeoutMs,
    maxOutputBytes: 1024 * 1024 * 1024,
  });
  if (log.code !== 0) return [];
  const pathsBySha = new Map<string, Set<string>>();
  const tokens = log.stdout.split('\0');
  for (let index = 0; index < tokens.length - 1; index++) {
    const meta = tokens[index]!.replace(/^\n+/, '');
    if (!meta.startsWith(':')) continue;
    const path = tokens[++index]!;
    for (const sha of meta.split(' ').slice(2, 4)) {
      if (/^0+$/.test(sha)) continue;
      const paths = pathsBySha.get(sha) ?? new Set<string>();
      paths.add(path);
      pathsBySha.set(sha, paths);
    }
  }
  if (pathsBySha.size === 0) return [];
  const check = await runProcess('git', ['cat-file', '--batch-check'], {
    cwd: repository.topLevel,
    timeoutMs,
    input: `${[...pathsBySha.keys()].join('\n')}\n`,
    maxOutputBytes: 256 * 1024 * 1024,
  });
  const missing = new Set<string>();
  for (const line of check.stdout.split('\n')) {
    const match = /^([0-9a-f]{40}) missing$/.exec(line);
    if (match) for (const path of pathsBySha.get(match[1]!) ?? []) missing.add(path);
  }
  return [...missing].sort();
}
