/** The tests evidence: runs the tests that reach the change on the base and on the change, and compares. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Evidence, Intent } from '../../core/change.ts';
import type { CheckContext, EvidenceProvider } from '../types.ts';
import { compareRuns } from './compare-runs.ts';
import { planTests, type PlannedRunner, type TestPlan } from './plan-tests.ts';
import { runTestFiles, runTimeout } from './run-test-files.ts';
import type { RunTestFilesOptions, TestRun } from './types.ts';
import { changedSources } from '../coverage/changed-sources.ts';
import { runWithCoverage } from '../coverage/collect-coverage.ts';
import { testRunCoverage } from '../coverage/shared.ts';
import { testsSharedKey, type TestsRunRecord, type TestsShared } from './shared.ts';
import { outcomeEvidence, passingEvidence } from './tests-evidence.ts';
import { isTestFileFor } from './test-file-patterns.ts';

/**
 * Copies the test files the change adds or edits into the base worktree, as a fail-to-pass check does: a
 * test that fails on the base code and passes on the change is what shows that a fix or feature works.
 * Returns a function that puts the base back exactly (later kinds of evidence read it).
 */
function withChangeTests(context: CheckContext, planned: PlannedRunner): () => void {
  const restores: (() => void)[] = [];
  for (const file of context.change.files) {
    const path = file.newPath;
    if (file.kind === 'deleted' || !path || !isTestFileFor(planned.runner.name, path) || !existsSync(join(context.changeDir, path))) continue;
    const target = join(context.baseDir, path);
    const original = existsSync(target) ? readFileSync(target) : undefined;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(context.changeDir, path), target);
    restores.push(() => (original === undefined ? rmSync(target, { force: true }) : writeFileSync(target, original)));
  }
  return () => {
    for (const restore of restores) restore();
  };
}

/** Files whose outcome on the change needs the base to judge it: failures and timeouts. */
function filesFailingOnChange(run: TestRun): string[] {
  return [...new Set(run.outcomes.filter((outcome) => outcome.status === 'fail' || outcome.status === 'timeout').map((outcome) => outcome.file))];
}

/** How much longer than a plain run the change's run with coverage on may take. */
const coverageTimeFactor = 1.5;

/**
 * Runs the selected tests on the change. When the coverage evidence follows, coverage is on, and what it
 * collected is left for it: the same tests need not run twice. Files that fail or time out with coverage on run
 * again without it, so that only failures of the code itself count (instrumentation slows tests and changes how
 * some runners load modules).
 */
async function runChange(context: CheckContext, planned: PlannedRunner, options: RunTestFilesOptions): Promise<TestRun> {
  const { runner, selected } = planned;
  const plain = () => runTestFiles(runner, context.changeDir, selected, options);
  if (!context.kinds?.has('coverage') || (selected !== 'all' && selected.length === 0)) return plain();
  const sources = await changedSources(context.changeDir, context.hunks, runner.language);
  if (sources.size === 0) return plain();
  // Instrumented tests run slower: the one run that replaces two gets half as much time again.
  const { run: covered, coverage } = await runWithCoverage(context.changeDir, planned, sources, { ...options, timeoutMs: Math.round(options.timeoutMs * coverageTimeFactor) });
  testRunCoverage(context.shared).set(runner.name, coverage);
  // Coverage the runner cannot collect ran nothing, and a run that could not start ran nothing either.
  if (covered.coverage?.format === 'unavailable' || (covered.error && covered.outcomes.length === 0)) return plain();
  const again = filesFailingOnChange(covered);
  if (again.length === 0) return { ...covered, coverage: undefined };
  context.logger.info(`tests: ${again.length} test files failed with coverage on; running them again without it`);
  const rerun = await runTestFiles(runner, context.changeDir, again, { ...options, timeoutMs: runTimeout(context.timeoutMs, again) });
  const rerunFiles = new Set(again);
  return {
    ...rerun,
    files: selected,
    outcomes: [...covered.outcomes.filter((outcome) => !rerunFiles.has(outcome.file)), ...rerun.outcomes],
    durationMs: covered.durationMs + rerun.durationMs,
  };
}

/**
 * Runs the selected tests on the change, then on the base. A refactor claims to change no behaviour, so a
 * test that passes on the change needs no base run (the question is only whether something broke): the
 * base runs just the files that fail on the change, to tell a new failure from an old one. A fix or feature
 * runs them all on the base too, since a test that failed before and passes now is what demonstrates it.
 */
async function runOnBoth(context: CheckContext, plan: TestPlan, planned: PlannedRunner): Promise<TestsRunRecord> {
  const { runner, selected } = planned;
  const options = { timeoutMs: runTimeout(context.timeoutMs, selected), signal: context.signal, typeTests: false };
  const change = await runChange(context, planned, options);
  const restoreBase = withChangeTests(context, planned);
  let base;
  try {
    const onlyFailing = context.intent === 'refactor' && !change.error;
    const wanted = onlyFailing ? filesFailingOnChange(change) : selected;
    const baseFiles = wanted === 'all' ? 'all' : wanted.filter((file) => existsSync(join(context.baseDir, file)));
    base = await runTestFiles(runner, context.baseDir, baseFiles, { ...options, timeoutMs: runTimeout(context.timeoutMs, baseFiles) });
  } finally {
    restoreBase();
  }
  const reach = new Map<string, string[]>();
  for (const file of new Set([...(selected === 'all' ? [] : selected), ...change.outcomes.map((outcome) => outcome.file)])) {
    reach.set(file, await plan.reach.hunksOf(file));
  }
  return { runner, selected, reach, base, change, compared: compareRuns(base.outcomes, change.outcomes) };
}

function runFailure(record: TestsRunRecord, hunks: string[]): Evidence | undefined {
  const { runner, base, change } = record;
  if (change.outcomes.length > 0 || !change.error) return undefined;
  const data = { runner: runner.name, error: change.error };
  // Tests that ran on the base and cannot run on the change are a failure of the change.
  if (base.outcomes.length > 0) return { kind: 'tests', status: 'fail', message: `the tests no longer run after the change: ${change.error}`, hunks: [], data };
  return { kind: 'tests', status: 'unavailable', message: `${runner.name} could not run the tests: ${change.error}`, hunks, data };
}

/** Says so when test files reported nothing on the base before its time limit: their tests are not compared. */
function baseCutShort(record: TestsRunRecord, hunks: string[]): Evidence[] {
  const files = record.base.outcomes.filter((outcome) => outcome.unreported).map((outcome) => outcome.file);
  if (files.length === 0) return [];
  const count = `${files.length} test file${files.length === 1 ? '' : 's'}`;
  const message = `the base run reached its time limit before ${count} reported (hanging there, or out of time): their tests are not compared with the base`;
  const reached = hunks.filter((hunk) => files.some((file) => record.reach.get(file)?.includes(hunk)));
  return [{ kind: 'tests', status: 'unavailable', message, hunks: reached.length > 0 ? reached : hunks, data: { files } }];
}

function recordEvidence(record: TestsRunRecord, hunks: string[], intent: Intent): Evidence[] {
  const failure = runFailure(record, hunks);
  if (failure) return [failure];
  return [...outcomeEvidence(record.compared, record.reach), ...passingEvidence(record.compared, record.reach, hunks, intent), ...baseCutShort(record, hunks)];
}

function unreachedEvidence(records: readonly TestsRunRecord[], planned: readonly PlannedRunner[], failed: ReadonlySet<string>): Evidence[] {
  const reached = new Set<string>();
  for (const record of records) {
    for (const test of record.compared) if (test.comparison !== 'skipped') for (const hunk of record.reach.get(test.file) ?? []) reached.add(hunk);
  }
  const hunks = planned.flatMap((entry) => entry.hunks).filter((hunk) => !reached.has(hunk) && !failed.has(hunk));
  return hunks.length === 0 ? [] : [{ kind: 'tests', status: 'warn', message: 'no tests reach this hunk', hunks }];
}

async function checkTests(context: CheckContext): Promise<Evidence[]> {
  const plan = await planTests(context);
  const evidence: Evidence[] = plan.problems.map((problem) => ({ kind: 'tests', status: 'unavailable', message: problem.reason, hunks: problem.hunks }));
  const records: TestsRunRecord[] = [];
  const failedRuns = new Set<string>();
  for (const planned of plan.runners) {
    const scope = planned.selected === 'all' ? 'the whole suite' : (planned.selection ?? `${planned.selected.length} test files reach the change`);
    context.logger.info(`tests: ${planned.runner.name} (${planned.runner.reason}), ${scope}`);
    if (planned.selection) context.notes?.push(`tests (${planned.runner.name}): ${planned.selection}`);
    const record = await runOnBoth(context, plan, planned);
    records.push(record);
    const found = recordEvidence(record, planned.hunks, context.intent);
    if (found.some((item) => item.status === 'unavailable')) for (const hunk of planned.hunks) failedRuns.add(hunk);
    evidence.push(...found);
  }
  evidence.push(...unreachedEvidence(records, plan.runners, failedRuns));
  const shared: TestsShared = { specificationVersion: 'v1', records };
  context.shared.set(testsSharedKey, shared);
  return evidence;
}

/** The `tests` evidence provider. */
export function createTestsProvider(): EvidenceProvider {
  return { specificationVersion: 'v1', kind: 'tests', doCheck: checkTests };
}
