import { describe, expect, test } from 'vitest';
import type { CommitFact } from '../../../src/atlas/history/types.ts';
import { isFixMessage, extractIssues } from '../../../src/atlas/history/index.ts';
import { cleanMessage, problemStatement, titlesFromHistory } from '../../../src/bench/mine/problem-statement.ts';
import { candidateKinds } from '../../../src/bench/mine/select-candidates.ts';

function commit(message: string, paths: string[] = []): CommitFact {
  const subject = message.split('\n')[0] ?? '';
  return {
    sha: 'a'.repeat(40), author: 'A <a@example.com>', time: 0, subject, message, isFix: isFixMessage(subject, message), issues: extractIssues(message),
    files: paths.map((path) => ({ path, added: 1, deleted: 0, binary: false })),
  };
}

describe('problem statements of mined tasks', () => {
  test("uses the linked issue's title when the history has it, never the commit's own pull request", () => {
    const history = [
      commit('Merge pull request #41 from someone/branch\n\nsatisfies() rejects 1.2.3-beta against ^1.2.3-alpha'),
      commit('docs: explain ranges (#40)'),
    ];
    const titles = titlesFromHistory(history);
    expect(titles.get('#41')).toBe('satisfies() rejects 1.2.3-beta against ^1.2.3-alpha');
    expect(problemStatement(commit('fix: compare prerelease tags (#52)\n\nFixes #41'), titles)).toEqual({ text: 'satisfies() rejects 1.2.3-beta against ^1.2.3-alpha', source: 'issue' });
    expect(problemStatement(commit('fix: compare prerelease tags (#41)'), titles)).toEqual({ text: 'fix: compare prerelease tags', source: 'message' });
  });

  test('cleans the commit message of pull request numbers, closing lines and trailers', () => {
    expect(cleanMessage('fix: trim input (#12)\n\nThe parser kept spaces.\n\nCloses #11, #10.\nSigned-off-by: A <a@example.com>')).toBe('fix: trim input\n\nThe parser kept spaces.');
  });
});

describe('candidate kinds', () => {
  const all = new Set(['fix', 'refactor', 'localize'] as const);
  test('code and tests make a fix candidate; a fix message adds localization', () => {
    expect(candidateKinds(commit('fix: trim input', ['src/parse.ts', 'test/parse.test.ts']), all)).toEqual(['fix', 'localize']);
    expect(candidateKinds(commit('feat: csv output', ['lib/csv.py', 'tests/test_csv.py']), all)).toEqual(['fix']);
  });

  test('refactoring words with code and no tests make a refactor candidate; docs and config make none', () => {
    expect(candidateKinds(commit('refactor: rename parse helpers', ['src/parse.ts']), all)).toEqual(['refactor']);
    expect(candidateKinds(commit('Move formatting into its own module', ['src/format.js', 'src/index.js']), all)).toEqual(['refactor']);
    expect(candidateKinds(commit('chore: remove old files', ['src/old.js']), all)).toEqual([]);
    expect(candidateKinds(commit('fix: typo in README', ['README.md']), all)).toEqual([]);
    expect(candidateKinds(commit('fix: lint config', ['eslint.config.js', '.eslintrc.js']), all)).toEqual([]);
  });
});
