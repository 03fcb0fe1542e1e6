/** The GitHub web address of a repository's origin remote, for links from mined tasks to their commits. */
import { git } from '../../evidence/workspace/git.ts';

/** `https://github.com/owner/name`, or undefined when the origin remote is not on GitHub (or there is none). */
export async function gitHubWebUrl(topLevel: string, timeoutMs = 10_000): Promise<string | undefined> {
  const result = await git(['remote', 'get-url', 'origin'], { cwd: topLevel, timeoutMs });
  if (result.code !== 0) return undefined;
  const match = /github\.com[:/]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(result.stdout.trim());
  return match ? `https://github.com/${match[1]}/${match[2]}` : undefined;
}
