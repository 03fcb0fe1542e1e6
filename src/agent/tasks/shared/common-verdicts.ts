/** What a check report says in brief for success checks: a score from verdict counts and the hunks in trouble. */
import type { Verdict } from '../../../core/change.ts';
import type { CheckReport } from '../../../evidence/report/types.ts';

/** How much each verdict is worth in a success score. */
export const verdictWeights: Readonly<Record<Verdict, number>> = { verified: 1, likely: 0.8, unverified: 0.4, suspicious: 0.1, broken: 0 };

/** Mean verdict weight over the report's hunks; 0.5 without a report or hunks (nothing known either way). */
export function verdictScore(report: CheckReport | undefined): number {
  if (!report) return 0.5;
  const verdicts = Object.keys(verdictWeights) as Verdict[];
  const total = verdicts.reduce((sum, verdict) => sum + report.counts[verdict], 0);
  if (total === 0) return 0.5;
  return verdicts.reduce((sum, verdict) => sum + verdictWeights[verdict] * report.counts[verdict], 0) / total;
}

/** `2 verified, 1 unverified`, or `no check report`. */
export function verdictCounts(report: CheckReport | undefined): string {
  if (!report) return 'no check report';
  const text = (Object.keys(verdictWeights) as Verdict[]).filter((verdict) => report.counts[verdict] > 0).map((verdict) => `${report.counts[verdict]} ${verdict}`);
  return text.length > 0 ? `hunks: ${text.join(', ')}` : 'no hunks to judge';
}

/** `path:line verdict: reason` for every hunk whose verdict is one of `verdicts`. */
export function hunksWith(report: CheckReport | undefined, verdicts: readonly Verdict[]): string[] {
  if (!report) return [];
  return report.files.flatMap((file) => file.hunks.filter((hunk) => verdicts.includes(hunk.verdict)).map((hunk) => `${file.path}:${hunk.hunk.newStart} ${hunk.verdict}: ${hunk.reason}`));
}
