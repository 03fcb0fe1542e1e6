/** The tests evidence: runs the tests that reach the change on the base and on the change, and compares. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Evidence } from '../../core/change.ts';
import type { CheckContext, EvidenceProvider } from '../types.ts';
import { compareRuns } from './compare-runs.ts';
import { planTests, type PlannedRunner, type TestPlan } from './plan-tests.ts';
import { runTestFiles } from './run-test-files.ts';
import { testsSharedKey, type TestsRunRecord, type TestsShared } from './shared.ts';
import { outcomeEvidence, passingEvidence } from './tests-evidence.ts';

async function runOnBoth(context: CheckContext, plan: TestPlan, planned: PlannedRunner): Promise<TestsRunRecord> {
  const { runner, selected } = planned;
  const options = { timeoutMs: context.timeoutMs, signal: context.signal };
  const change = await runTestFiles(runner, context.changeDir, selected, options);
  // Test files the change adds have nothing to run on the base.
  const baseFiles = selected === 'all' ? 'all' : selected.filter((file) => existsSync(join(context.baseDir, file)));
  const base = await runTestFiles(runner, context.baseDir, baseFiles, options);
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

function recordEvidence(record: TestsRunRecord, hunks: string[]): Evidence[] {
  const failure = runFailure(record, hunks);
  if (failure) return [failure];
  return [...outcomeEvidence(record.compared, record.reach), ...passingEvidence(record.compared, record.reach, hunks)];
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
    const scope = planned.selected === 'all' ? 'the whole suite' : `${planned.selected.length} test files reach the change`;
    context.logger.info(`tests: ${planned.runner.name} (${planned.runner.reason}), ${scope}`);
    const record = await runOnBoth(context, plan, planned);
    records.push(record);
    const found = recordEvidence(record, planned.hunks);
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
