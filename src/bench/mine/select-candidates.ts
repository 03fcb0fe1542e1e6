/** Decides which kinds of task a commit could become, from its message and the kinds of files it changed. */
import type { CommitFact } from '../../atlas/history/types.ts';
import { isCodePath, isTestPath } from './classify-paths.ts';
import type { MineKind } from './mine-options.ts';

const refactorWords = /\b(refactor\w*|renam\w*|extract\w*|mov(?:e|es|ed|ing)|restructur\w*)\b/i;

/** A commit with the kinds it is a candidate for. */
export interface Candidate {
  commit: CommitFact;
  kinds: MineKind[];
}

/**
 * fix: changes code and tests; refactor: says refactor/rename/extract/move and changes code but no
 * tests; localize: a fix commit (by its message) that changes code.
 */
export function candidateKinds(commit: CommitFact, wanted: ReadonlySet<MineKind>): MineKind[] {
  const paths = commit.files.map((file) => file.path);
  const code = paths.some(isCodePath);
  const tests = paths.some(isTestPath);
  const kinds: MineKind[] = [];
  if (wanted.has('fix') && code && tests) kinds.push('fix');
  if (wanted.has('refactor') && code && !tests && refactorWords.test(commit.subject)) kinds.push('refactor');
  if (wanted.has('localize') && code && commit.isFix) kinds.push('localize');
  return kinds;
}

/** The newest `limit` commits that are candidates for any wanted kind. */
export function selectCandidates(commits: readonly CommitFact[], wanted: ReadonlySet<MineKind>, limit: number): Candidate[] {
  const selected: Candidate[] = [];
  for (const commit of commits) {
    if (selected.length >= limit) break;
    const kinds = candidateKinds(commit, wanted);
    if (kinds.length > 0) selected.push({ commit, kinds });
  }
  return selected;
}
