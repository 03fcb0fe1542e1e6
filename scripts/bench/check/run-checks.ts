/** Runs `codewright check` on each change of the corpora in the scratch clone and classifies what it said. */
import { fileURLToPath } from 'node:url';
import type { Evidence, Intent, Verdict } from '../../../src/core/change.ts';
import { parseJson } from '../../../src/core/result.ts';
import type { CheckReport } from '../../../src/evidence/report/types.ts';
import { verdictOrder } from '../../../src/evidence/verdict/rules.ts';
import { runMeasured } from '../measure.ts';
import type { CorpusChange } from './corpus.ts';
import type { Scratch } from './scratch.ts';

const cli = fileURLToPath(new URL('../../../bin/codewright.js', import.meta.url));

/** What `check` said about one change: its worst hunk, and the evidence that decided it. */
export interface CheckOutcome {
  change: CorpusChange;
  intent: Intent;
  seconds: number;
  /** The worst verdict over the change's hunks, or `error` when check did not report. */
  verdict: Verdict | 'error';
  reason: string;
  /** What decided the verdict: `tests fail`, `coverage warn`, `differential fail`, … or `none`. */
  decidedBy: string;
  /** Evidence that names a concrete problem: a failing test, a counterexample, an uncovered line, a test that reaches nothing. */
  concrete: boolean;
  /** Some hunk's mutants of the changed lines survived (a weakness noted even under `likely`). */
  survivingMutants: boolean;
  /** Differential testing found an input on which base and change differ (a `fail` or a `warn`). */
  counterexample: boolean;
  timings: Record<string, number>;
}

/** The evidence whose message is the verdict's reason, when one is. */
function decidingEvidence(evidence: readonly Evidence[], reason: string): Evidence | undefined {
  return evidence.find((item) => item.message === reason) ?? evidence.find((item) => reason.startsWith(item.message) || reason.endsWith(item.message));
}

function classify(change: CorpusChange, intent: Intent, seconds: number, report: CheckReport): CheckOutcome {
  const hunks = report.files.flatMap((file) => file.hunks);
  const worst = [...hunks].sort((left, right) => verdictOrder.indexOf(left.verdict) - verdictOrder.indexOf(right.verdict))[0];
  const all = hunks.flatMap((hunk) => hunk.evidence);
  const base = {
    change,
    intent,
    seconds,
    survivingMutants: all.some((item) => item.kind === 'mutation' && item.status === 'warn'),
    counterexample: all.some((item) => item.kind === 'differential' && item.data?.counterexample !== undefined),
    timings: report.timings,
  };
  if (!worst) return { ...base, verdict: 'error', reason: 'check reported no hunk', decidedBy: 'none', concrete: false };
  const decided = ['broken', 'suspicious', 'unverified'].includes(worst.verdict) ? decidingEvidence(worst.evidence, worst.reason) : undefined;
  const decidedBy = decided ? `${decided.kind} ${decided.status}${decided.data?.undemonstrated === true ? ' undemonstrated' : ''}` : 'none';
  // `unavailable` evidence explains a gap without showing a problem.
  const concrete = decided !== undefined && (decided.status === 'fail' || decided.status === 'warn');
  return { ...base, verdict: worst.verdict, reason: worst.reason, decidedBy, concrete };
}

/** Applies `change` to the clean scratch clone and runs `check --json --intent <intent>` there. */
export function checkChange(scratch: Scratch, change: CorpusChange, intent: Intent): CheckOutcome {
  scratch.reset();
  scratch.removeCheckState();
  scratch.apply(change.patch);
  const run = runMeasured(process.execPath, [cli, 'check', '--json', '--intent', intent], { cwd: scratch.dir, timeoutMs: 15 * 60_000 });
  scratch.reset();
  const parsed = parseJson(run.stdout);
  if (!parsed.success || (run.status !== 0 && run.status !== 1)) {
    const why = run.stderr.split('\n').filter((line) => line.trim() && !line.startsWith('check: ') && !line.startsWith('Command exited')).slice(0, 2).join(' ') || `exit ${run.status}`;
    return { change, intent, seconds: run.seconds, verdict: 'error', reason: why, decidedBy: 'none', concrete: false, survivingMutants: false, counterexample: false, timings: {} };
  }
  return classify(change, intent, run.seconds, parsed.value as CheckReport);
}

/**
 * Records the test map of the scratch clone's HEAD (`check --record-tests` with nothing to check), so that
 * the checks run only the tests that execute the changed lines. Returns the seconds it took and its notes.
 */
export function recordTestMap(scratch: Scratch): { seconds: number; notes: string[]; unavailable: string[] } {
  scratch.reset();
  scratch.removeCheckState();
  const run = runMeasured(process.execPath, [cli, 'check', '--json', '--record-tests'], { cwd: scratch.dir, timeoutMs: 40 * 60_000 });
  const parsed = parseJson(run.stdout);
  if (!parsed.success) return { seconds: run.seconds, notes: [], unavailable: [run.stderr.trim().split('\n').slice(-2).join(' ') || `exit ${run.status}`] };
  const report = parsed.value as CheckReport;
  return { seconds: run.seconds, notes: report.notes, unavailable: report.unavailable.map((item) => item.reason) };
}
