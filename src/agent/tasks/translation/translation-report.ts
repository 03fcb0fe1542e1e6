/** Turns what translate's success check found into a success report: functions found, agreement on inputs, the translation's tests. */
import { formatArguments, formatOutcome } from '../../../evidence/differential/format.ts';
import type { SuccessReport } from '../types.ts';
import type { PairResult } from './compare-pair.ts';
import type { TranslationPlan } from './plan-translation.ts';
import type { TargetTests } from './target-tests.ts';

/** What the check found, before it is judged. */
export interface TranslationFindings {
  plan: TranslationPlan;
  /** Source functions the translation lacks: `expected (from source)`. */
  missing: string[];
  pairs: PairResult[];
  tests: TargetTests;
  /** Notes that do not decide the outcome (a base that could not be checked out). */
  notes: string[];
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

function pairName(pair: PairResult): string {
  return pair.sourceName === pair.targetName ? `\`${pair.targetName}\`` : `\`${pair.targetName}\` (from \`${pair.sourceName}\`)`;
}

function pairDetails(pair: PairResult): string[] {
  if (pair.problem) return [`${pairName(pair)} cannot be compared: ${pair.problem}`];
  const lines = [`${pairName(pair)}: ${pair.agreed} of ${pair.inputs} inputs agree (${percent(pair.agreed / Math.max(1, pair.inputs))})${pair.note ? `; ${pair.note}` : ''}`];
  for (const disagreement of pair.disagreements) {
    lines.push(`${pairName(pair)}: for input ${formatArguments(disagreement.args)} the source ${formatOutcome(disagreement.source)} and the translation ${formatOutcome(disagreement.target)}`);
  }
  return lines;
}

/** The report; `minimumAgreement` applies to every function. */
export function translationReport(findings: TranslationFindings, minimumAgreement: number): SuccessReport {
  const { plan, missing, pairs, tests } = findings;
  const inputs = pairs.reduce((sum, pair) => sum + pair.inputs, 0);
  const agreed = pairs.reduce((sum, pair) => sum + pair.agreed, 0);
  const agreement = inputs === 0 ? 0 : agreed / inputs;
  const problems = pairs.filter((pair) => pair.problem !== undefined);
  const low = pairs.filter((pair) => !pair.problem && pair.agreed < minimumAgreement * pair.inputs);
  const details = [
    ...missing.map((name) => `missing in ${plan.target}: ${name}`),
    ...pairs.flatMap(pairDetails),
    tests.files.length > 0 ? `tests of the translation (${tests.files.join(', ')}): ${tests.passed ? 'pass' : 'fail'}` : 'no tests of the translation were found',
    ...tests.failures.filter((failure) => tests.files.length > 0 || !failure.startsWith('no tests')),
    ...findings.notes,
  ];
  const measures = { agreement, inputs, functions: pairs.length, missingFunctions: missing.length, testsPassed: Number(tests.passed) };
  let reason: string | undefined;
  if (pairs.length === 0 && missing.length === 0) reason = `${plan.source} exports no functions to compare`;
  else if (missing.length > 0) reason = `${plan.target} lacks ${missing.length} of the source's functions (${missing.join(', ')})`;
  else if (problems.length > 0) reason = `${problems.length} function${problems.length === 1 ? '' : 's'} could not be compared: ${problems[0]!.problem}`;
  else if (low.length > 0) reason = `${low.map(pairName).join(', ')} agree${low.length === 1 ? 's' : ''} with the source on fewer than ${percent(minimumAgreement)} of inputs`;
  else if (!tests.passed) reason = tests.files.length === 0 ? `no tests for ${plan.target}: write them with the project's test runner` : `the tests of ${plan.target} fail`;
  if (reason) return { passed: false, score: 0, summary: reason, details, measures };
  const summary = `${plan.target} agrees with ${plan.source} on ${percent(agreement)} of ${inputs} inputs over ${pairs.length} function${pairs.length === 1 ? '' : 's'}, and its tests pass`;
  return { passed: true, score: agreement, summary, details, measures };
}
