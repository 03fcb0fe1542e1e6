/** Ranks finished candidates by their evidence, the votes of the other candidates' tests and the user's answers, and says why. */
import type { CheckReport } from '../../evidence/report/types.ts';
import type { SuccessReport } from '../tasks/types.ts';
import type { CrossCheckCell } from '../scaling/cross-check.ts';

export interface CandidateEvidence {
  candidate: string;
  /** Whether the candidate ran to its end and left what the family asks for (a change, or an answer). */
  delivered: boolean;
  status: string;
  success?: SuccessReport;
  checkReport?: CheckReport;
}

export interface RankedCandidate {
  candidate: string;
  score: number;
  /** Parts of the score, for the report. */
  parts: { success: number; verdicts: number; votes: number; answers: number };
  reasons: string[];
}

const verdictWeight = { verified: 1, likely: 0.8, unverified: 0.4, suspicious: 0.1, broken: 0 } as const;

/** Mean verdict weight over the candidate's hunks; 0.5 when there is no report. */
function verdictScore(report: CheckReport | undefined): { value: number; text: string } {
  if (!report) return { value: 0.5, text: 'no check report' };
  const counts = report.counts;
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  if (total === 0) return { value: 0.5, text: 'no hunks to judge' };
  const value = (Object.keys(verdictWeight) as (keyof typeof verdictWeight)[]).reduce((sum, verdict) => sum + verdictWeight[verdict] * counts[verdict], 0) / total;
  const text = (Object.keys(verdictWeight) as (keyof typeof verdictWeight)[]).filter((verdict) => counts[verdict] > 0).map((verdict) => `${counts[verdict]} ${verdict}`).join(', ');
  return { value, text: `hunks: ${text}` };
}

function share(cells: readonly CrossCheckCell[]): { value: number; passed: number; total: number } {
  const passed = cells.reduce((sum, cell) => sum + cell.passed, 0);
  const total = cells.reduce((sum, cell) => sum + cell.total, 0);
  return { value: total === 0 ? 0.5 : passed / total, passed, total };
}

/** Best first. Weights: the family's success check 3, the user's answers 2, verdicts 1.5, votes 1, success score 0.5. */
export function rankCandidates(candidates: readonly CandidateEvidence[], cells: readonly CrossCheckCell[]): RankedCandidate[] {
  const ranked = candidates.map((item): RankedCandidate => {
    const reasons: string[] = [];
    if (!item.delivered) {
      return { candidate: item.candidate, score: -1, parts: { success: 0, verdicts: 0, votes: 0, answers: 0 }, reasons: [`delivered nothing (${item.status})`] };
    }
    const success = item.success?.passed ? 1 : 0;
    reasons.push(item.success ? `${item.success.passed ? 'passes' : 'fails'} its success check: ${item.success.summary}` : 'no success check ran');
    const verdicts = verdictScore(item.checkReport);
    reasons.push(verdicts.text);
    const votes = share(cells.filter((cell) => cell.candidate === item.candidate && cell.author !== item.candidate && cell.author !== 'answers'));
    if (votes.total > 0) reasons.push(`passes ${votes.passed}/${votes.total} tests written by other candidates`);
    const answers = share(cells.filter((cell) => cell.candidate === item.candidate && cell.author === 'answers'));
    if (answers.total > 0) reasons.push(`agrees with ${answers.passed}/${answers.total} of the user's answers`);
    const score = 3 * success + 2 * answers.value + 1.5 * verdicts.value + votes.value + 0.5 * (item.success?.score ?? 0);
    return { candidate: item.candidate, score, parts: { success, verdicts: verdicts.value, votes: votes.value, answers: answers.value }, reasons };
  });
  return ranked.sort((left, right) => right.score - left.score || left.candidate.localeCompare(right.candidate));
}

/** One paragraph on why the winner won, against the runner-up. */
export function explainSelection(ranked: readonly RankedCandidate[]): string {
  const [winner, runnerUp] = ranked;
  if (!winner || winner.score < 0) return 'No candidate delivered a result.';
  const lines = [`Selected candidate ${winner.candidate} (score ${winner.score.toFixed(2)}): ${winner.reasons.join('; ')}.`];
  if (runnerUp) lines.push(`Runner-up ${runnerUp.candidate} (score ${runnerUp.score.toFixed(2)}): ${runnerUp.reasons.join('; ')}.`);
  return lines.join('\n');
}
