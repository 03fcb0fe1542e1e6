/** Keeps the findings a change introduces: those with no twin in the base once base lines are mapped through the hunks. */
import type { Change } from '../../core/change.ts';
import { fileChangeByOldPath, hunkAt, hunkAtOldLine, mapOldLine } from './hunk-lines.ts';

/** A finding in one worktree: a repository path, a 1-based line (0 when it has none) and what makes two findings the same. */
export interface LocatedFinding {
  path: string;
  line: number;
  /** Code, rule and message text: two findings with equal keys at the same place are the same finding. */
  key: string;
}

interface BaseTwin {
  /** Line after the change, or undefined when the change removed or rewrote the base line. */
  mappedLine: number | undefined;
  oldLine: number;
  used: boolean;
}

/** Where a base finding lands after the change: its new path (null when the file was deleted) and line. */
function relocate(change: Change, finding: LocatedFinding): { path: string | null; line: number | undefined } {
  const file = fileChangeByOldPath(change, finding.path);
  if (!file) return { path: finding.path, line: finding.line };
  if (file.kind === 'deleted' || file.newPath === null) return { path: null, line: undefined };
  return { path: file.newPath, line: finding.line === 0 ? 0 : mapOldLine(file, finding.line) };
}

/**
 * The findings of `changed` that `base` does not have. A base finding matches a changed one with the
 * same key at its mapped line; a base finding on a line the change rewrote matches a changed one with
 * the same key inside the same hunk, so rewording a line that already had the error is not new.
 */
export function introducedFindings<T extends LocatedFinding>(base: readonly LocatedFinding[], changed: readonly T[], change: Change): T[] {
  const twins = new Map<string, BaseTwin[]>();
  for (const finding of base) {
    const { path, line } = relocate(change, finding);
    if (path === null) continue;
    const bucket = `${path}\u0000${finding.key}`;
    const list = twins.get(bucket) ?? [];
    list.push({ mappedLine: line, oldLine: finding.line, used: false });
    twins.set(bucket, list);
  }
  const hunks = change.files.flatMap((file) => file.hunks);
  const introduced: T[] = [];
  for (const finding of changed) {
    const candidates = twins.get(`${finding.path}\u0000${finding.key}`) ?? [];
    let twin = candidates.find((candidate) => !candidate.used && candidate.mappedLine === finding.line);
    if (!twin) {
      const hunk = hunkAt(hunks, finding.path, finding.line);
      const file = hunk && change.files.find((entry) => entry.hunks.includes(hunk));
      twin = candidates.find(
        (candidate) => !candidate.used && candidate.mappedLine === undefined && file !== undefined && hunkAtOldLine(file, candidate.oldLine) === hunk,
      );
    }
    if (twin) twin.used = true;
    else introduced.push(finding);
  }
  return introduced;
}
