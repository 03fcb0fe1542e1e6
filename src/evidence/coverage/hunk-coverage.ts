/** Judges one hunk's added lines against line coverage: all executed, or which are not. */
import type { Evidence, Hunk } from '../../core/change.ts';
import { formatLineRanges, lineRanges } from './line-ranges.ts';
import type { FileCoverage } from './types.ts';

/** New-side numbers of the lines a hunk adds (a modified line is removed and added). */
export function addedLines(hunk: Hunk): number[] {
  return hunk.lines.filter((line) => line.type === '+' && line.newLine !== undefined).map((line) => line.newLine!);
}

/** `pass` when every executable added line ran, `warn` naming the lines that did not; undefined when none can execute. */
export function hunkCoverageEvidence(hunk: Hunk, coverage: FileCoverage): Evidence | undefined {
  const added = addedLines(hunk);
  const canExecute = (line: number) => coverage.executed.has(line) || coverage.notExecuted.has(line);
  const executable = added.filter(canExecute);
  if (executable.length === 0) return undefined;
  // Ranges run across lines of the hunk that cannot execute (blank lines, comments, braces, types).
  const bridge = new Set(hunk.lines.flatMap((line) => (line.newLine !== undefined && !canExecute(line.newLine) ? [line.newLine] : [])));
  const missed = executable.filter((line) => coverage.notExecuted.has(line));
  const data = { executed: executable.filter((line) => coverage.executed.has(line)), notExecuted: missed };
  if (missed.length === 0) {
    return { kind: 'coverage', status: 'pass', message: `${formatLineRanges(lineRanges(executable, bridge))} executed by tests`, hunks: [hunk.id], data };
  }
  return {
    kind: 'coverage',
    status: 'warn',
    message: `no test executes ${formatLineRanges(lineRanges(missed, bridge))}`,
    hunks: [hunk.id],
    location: { path: hunk.path, line: missed[0]! },
    data,
  };
}
