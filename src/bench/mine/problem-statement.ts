/** The problem statement of a mined task: the title of the issue the commit links, when the history names it, else the commit message. */
import type { CommitFact } from '../../atlas/history/types.ts';

// Squash merges end the subject with the pull request number; merge commits name it first.
const squashSubject = /^(.*\S)\s+\(#(\d+)\)$/;
const mergeSubject = /^Merge pull request #(\d+) from \S+/;
const trailers = /^(Signed-off-by|Co-authored-by|Reviewed-by|PR-URL|Credit|Close|Closes|Fixes|Refs|Ref):.*$/gim;
// Lines that only close issues (`Closes #3`, `Fixes: owner/repo#7.`): they name the answer's bookkeeping, not the problem.
const closingLines = /^\s*(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|refs?)\b:?(?:[\s,]+(?:[\w.-]+\/[\w.-]+)?#\d+)+[.\s]*$/gim;

/** Issue or pull request number (`#12`) -> its title, from squash-merge subjects and merge commit messages. */
export function titlesFromHistory(commits: readonly CommitFact[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const commit of commits) {
    const squash = squashSubject.exec(commit.subject);
    if (squash) titles.set(`#${squash[2]}`, squash[1] ?? '');
    const merge = mergeSubject.exec(commit.subject);
    const body = commit.message.split('\n').slice(1).find((line) => line.trim() !== '');
    if (merge && body) titles.set(`#${merge[1]}`, body.trim());
  }
  return titles;
}

/** The commit's own pull request number, which is not an issue it fixes. */
function ownNumber(commit: CommitFact): string | undefined {
  const number = squashSubject.exec(commit.subject)?.[2] ?? mergeSubject.exec(commit.subject)?.[1];
  return number === undefined ? undefined : `#${number}`;
}

/** The commit message without pull request numbers and trailers. */
export function cleanMessage(message: string): string {
  return message
    .replace(mergeSubject, '')
    .replace(/\s*\(#\d+\)/g, '')
    .replace(trailers, '')
    .replace(closingLines, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The linked issue's title when the history has it, else the cleaned commit message. */
export function problemStatement(commit: CommitFact, titles: ReadonlyMap<string, string>): { text: string; source: 'issue' | 'message' } {
  const own = ownNumber(commit);
  for (const issue of commit.issues) {
    if (issue === own) continue;
    const title = titles.get(issue);
    if (title && title.trim() !== '') return { text: title.trim(), source: 'issue' };
  }
  const text = cleanMessage(commit.message);
  return { text: text === '' ? commit.subject : text, source: 'message' };
}
