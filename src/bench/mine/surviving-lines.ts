/** Which lines a commit added are still in a file at HEAD: `git blame --incremental` at HEAD, read per line (the atlas counts them per commit). */
import { runGit } from '../../atlas/history/run-git.ts';
import { blameGroupSplitter } from '../../atlas/history/blame-groups.ts';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import { git } from '../../evidence/workspace/git.ts';

/** The path `path` (as named at `commit`) has at `head`: itself, its rename target, or undefined when deleted. */
export async function pathAtHead(topLevel: string, commit: string, head: string, path: string, timeoutMs: number): Promise<string | undefined> {
  if ((await git(['cat-file', '-e', `${head}:${path}`], { cwd: topLevel, timeoutMs })).code === 0) return path;
  const diff = await git(['diff', '--name-status', '-M', '-z', '--no-color', commit, head], { cwd: topLevel, timeoutMs, maxOutputBytes: 32 * 1024 * 1024 });
  const tokens = diff.stdout.split('\0');
  for (let index = 0; index < tokens.length; index++) {
    const status = tokens[index] ?? '';
    if (status.startsWith('R') || status.startsWith('C')) {
      if (tokens[index + 1] === path && status.startsWith('R')) return tokens[index + 2];
      index += 2;
    } else index += 1;
  }
  return undefined;
}

/**
 * Line numbers, in `commit`'s version of the file, of the lines HEAD still attributes to `commit`
 * (whitespace-only edits do not take a line away). Blame stops at the commit's parents.
 */
export async function survivingLines(topLevel: string, commit: string, head: string, headPath: string, timeoutMs: number): Promise<Result<Set<number>, string>> {
  const lines = new Set<number>();
  const splitter = blameGroupSplitter(({ sha, sourceLine, count }) => {
    if (sha !== commit) return;
    for (let offset = 0; offset < count; offset++) lines.add(sourceLine + offset);
  });
  const result = await runGit(['blame', '--incremental', '-w', head, '--not', `${commit}^@`, '--', headPath], { cwd: topLevel, timeoutMs, onStdout: (chunk) => splitter.push(chunk) });
  splitter.end();
  if (result.code !== 0) return fail(result.timedOut ? `git blame of ${headPath} timed out` : result.stderr.trim() || `git blame exited with ${result.code}`);
  return ok(lines);
}
