/** Decides whether a commit message describes a bug fix, from its subject and its closing references. */
import { extractIssues } from './issue-refs.ts';

// Commit types (`fix(scope): …`, ESLint-style `New: …`, `[FEAT] …`): the author already said what it is.
const typePrefixes = [/^([a-z]+)(?:\([^)]*\))?!?:\s/i, /^\[([a-z]+)\]/i];
const fixTypes = new Set(['fix', 'fixes', 'bugfix', 'hotfix', 'bug']);
const otherTypes = new Set([
  'breaking', 'build', 'chore', 'ci', 'deps', 'doc', 'docs', 'feat', 'feature', 'i18n', 'new', 'perf', 'refactor',
  'release', 'revert', 'style', 'test', 'tests', 'types', 'update', 'upgrade', 'wip',
]);

// Subjects that are never fixes, whatever words follow: reverts and dependency updates (Renovate
// writes `fix(deps): update …`).
const notFixSubjects = [
  /^revert\b/i,
  /^bump\s+\S+\s+from\s+\S+\s+to\s/i,
  /^update\s+dependency\s/i,
  /^[a-z]+\((?:deps|deps-dev|dev-deps|dependencies)\)!?:/i,
];

const keywords = /\b(?:fix(?:e[sd]|ing)?|bugs?|bug-?fix(?:es|ed)?|hot-?fix(?:es|ed)?|patch(?:e[sd]|ing)?|regressions?|crash(?:e[sd]|ing)?)\b/gi;

// Phrases that contain a keyword without reporting a bug fix; removed before keywords are looked for.
const trivia = '(?:typos?|spelling|misspellings?|grammar|wording|lint(?:ing)?|linter|eslint|prettier|formatting|format|whitespace|indentation|docs?|documentation|comments?|readme|changelog|(?:broken\\s+)?links?)';
const neutralPhrases = [
  new RegExp(`\\bfix(?:e[sd]|ing)?\\s+(?:(?:a|an|the|some|minor|small|more|few|several|all|up)\\s+)*${trivia}\\b`, 'gi'),
  new RegExp(`\\b${trivia}\\s+fix(?:e[sd]|ing)?\\b`, 'gi'),
  /\bfixed[- ](?:width|size|length|point|position|header|footer|layout|rate|format|costs?)\b/gi,
  /\bbug[- ]?(?:reports?|tracker|template|bounty)\b/gi,
  /\bcrash[- ]?(?:reports?|reporting|reporter|dumps?)\b/gi,
  /\bregression[- ](?:tests?|testing|suite)\b/gi,
  /\bmonkey[- ]?patch(?:e[sd]|ing)?\b/gi,
  /\bpatch[- ](?:version|release|level|bump|notes|package)\b/gi,
  /\bbump\s+(?:the\s+)?patch\b/gi,
];

const closingKeyword = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?\s+(?:(?:issue|bug)\s+)?(\S+)/gi;
// Linux-style trailer naming the commit that introduced the bug.
const fixesTrailer = /^Fixes:\s+[0-9a-f]{7,40}\b/im;

function hasFixKeyword(subject: string): boolean {
  let text = subject;
  for (const phrase of neutralPhrases) text = text.replace(phrase, ' ');
  // Upper-case PATCH is the HTTP method, not a patch.
  return [...text.matchAll(keywords)].some((match) => match[0] !== 'PATCH');
}

function closesIssue(message: string): boolean {
  return [...message.matchAll(closingKeyword)].some((match) => extractIssues(match[1] ?? '').length > 0);
}

/**
 * True when a commit message describes a bug fix: a fix type (`fix:`, `fix(scope):`, `[FIX]`), a fix keyword in the
 * subject (fix, bug, hotfix, patch, regression, crash — not prefix, fixture, debug, "fix typo"), a
 * closing reference anywhere (`fixes #12`, `closes ABC-7`) or a `Fixes: <sha>` trailer. Any other
 * declared type (`feat:`, `docs:`, `New:`, `[FEAT]`), reverts and dependency updates are not fixes.
 */
export function isFixMessage(subject: string, message: string = subject): boolean {
  if (notFixSubjects.some((pattern) => pattern.test(subject))) return false;
  const type = typePrefixes.map((pattern) => pattern.exec(subject)?.[1]?.toLowerCase()).find((found) => found !== undefined);
  if (type !== undefined && fixTypes.has(type)) return true;
  if (type !== undefined && otherTypes.has(type)) return false;
  return hasFixKeyword(subject) || closesIssue(message) || fixesTrailer.test(message);
}
