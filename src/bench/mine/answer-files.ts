/** Reads the file paths a localization answer names, in order: one per line, in lists, in backticks, with or without line numbers. */

// A path-like token: names joined by slashes (maybe absolute), or one name with an extension.
const pathToken = /\/?[\w@.$+-]+(?:\/[\w@.$+-]+)*/g;

// A bare name (no folder) counts only with a file extension: `e.g.` and `Node.js v20` are words.
const bareFile = /^[\w@$+-][\w@.$+-]*\.(?:[cm]?[jt]sx?|[cm]ts|pyi?|java|go|rs|c|cc|cpp|cxx|h|hh|hpp|rb|php|cs|kt|swift|scala|json|md|ya?ml|toml|css|scss|html|vue|svelte|sh)$/;

function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/[.,;:)]+$/, '');
}

/** The distinct paths of `answer`, first mention first; `path:12`, `path#L12` and `a/`/`b/` diff prefixes are reduced to the path. */
export function answerFiles(answer: string): string[] {
  const found: string[] = [];
  for (const line of answer.split('\n')) {
    const text = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/#L\d+(?:-L?\d+)?/g, '').replace(/:\d+(?::\d+)?(?:-\d+)?\b/g, '');
    for (const match of text.matchAll(pathToken)) {
      const path = normalize(match[0]);
      // Folders, `and/or` and version numbers are not files: a file's name has an extension.
      if (path.includes('/') ? /[^/]\.[A-Za-z][A-Za-z0-9]{0,7}$/.test(path) : bareFile.test(path)) found.push(path);
    }
  }
  return [...new Set(found)];
}

/** True when `named` (maybe absolute, maybe with a worktree prefix) is the repository path `expected`. */
export function samePath(named: string, expected: string): boolean {
  return named === expected || named.endsWith(`/${expected}`) || named === `a/${expected}` || named === `b/${expected}`;
}
