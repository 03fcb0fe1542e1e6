/** The success check of refactor: the check report's differential evidence found no difference, tests pass, nothing is broken or suspicious. */
import type { Evidence } from '../../core/change.ts';
import { formatOutcome } from '../../evidence/differential/format.ts';
import type { CallOutcome } from '../../evidence/differential/index.ts';
import type { CheckReport } from '../../evidence/report/types.ts';
import { failedReport } from './shared/common-report.ts';
import { hunksWith, verdictCounts, verdictScore } from './shared/common-verdicts.ts';
import type { SuccessCheckInput, SuccessReport } from './types.ts';

/** Every piece of evidence of a report once (whole-change evidence is attached to every hunk). */
function allEvidence(report: CheckReport): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const item of [...report.files.flatMap((file) => file.hunks.flatMap((hunk) => hunk.evidence)), ...report.changeEvidence]) {
    seen.set(`${item.kind}\u0000${item.status}\u0000${item.message}`, item);
  }
  return [...seen.values()];
}

interface Counterexample {
  input: string;
  base: CallOutcome;
  change: CallOutcome;
}

function counterexampleOf(item: Evidence): Counterexample | undefined {
  const value = item.data?.counterexample as Partial<Counterexample> | undefined;
  return value && typeof value.input === 'string' && value.base && value.change ? (value as Counterexample) : undefined;
}

/** `src/age.ts:1 \`isAdult\` for input (18): the base returns true, the change returns false`. */
function describeDifference(item: Evidence): string {
  const example = counterexampleOf(item);
  const where = item.location ? `${item.location.path}:${item.location.line} ` : '';
  const name = typeof item.data?.function === 'string' ? `\`${item.data.function}\`` : 'a function';
  if (!example) return `${where}${item.message}`;
  return `${where}${name} for input ${example.input}: the base ${formatOutcome(example.base)}, the change ${formatOutcome(example.change)}`;
}

/** Passes only when behaviour was not seen to change and the tests and verdicts agree. */
export async function checkRefactor(input: SuccessCheckInput): Promise<SuccessReport> {
  if (input.diff.trim() === '') return failedReport('the candidate changed nothing');
  const report = input.checkReport;
  if (!report) return failedReport('`check` did not run on the change, so its behaviour could not be compared with the base');
  const evidence = allEvidence(report);
  const differential = evidence.filter((item) => item.kind === 'differential');
  const differences = differential.filter((item) => item.status === 'fail' || (item.status === 'warn' && counterexampleOf(item)));
  const compared = differential.filter((item) => item.status === 'pass');
  const notCompared = differential.filter((item) => item.status === 'unavailable');
  const failingTests = evidence.filter((item) => item.kind === 'tests' && item.status === 'fail');
  const troubled = hunksWith(report, ['broken', 'suspicious']);
  const details = [
    ...differences.map((item) => `behaviour changed: ${describeDifference(item)}`),
    ...failingTests.map((item) => `tests: ${item.message}`),
    ...troubled,
    ...compared.map((item) => `same behaviour: ${item.message}`),
    ...notCompared.map((item) => `not compared: ${item.message}`),
    verdictCounts(report),
  ];
  const measures = { differences: differences.length, comparedFunctions: compared.length, failingTests: failingTests.length, troubledHunks: troubled.length };
  const score = verdictScore(report);
  if (differences.length > 0) return { passed: false, score: 0, summary: `behaviour changed: ${describeDifference(differences[0]!)}`, details, measures };
  if (failingTests.length > 0) return { passed: false, score: score / 2, summary: `tests fail: ${failingTests[0]!.message}`, details, measures };
  if (troubled.length > 0) return { passed: false, score: score / 2, summary: `${troubled.length} hunk${troubled.length === 1 ? ' is' : 's are'} broken or suspicious`, details, measures };
  const summary =
    compared.length > 0
      ? `no behaviour difference in ${compared.length} compared function${compared.length === 1 ? '' : 's'}; ${verdictCounts(report)}`
      : `no behaviour difference found, though no changed function could be compared; ${verdictCounts(report)}`;
  return { passed: true, score: compared.length > 0 ? score : score * 0.75, summary, details, measures };
}
