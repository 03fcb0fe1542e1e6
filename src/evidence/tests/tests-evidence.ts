/** Turns compared test outcomes into evidence, each finding attributed to the hunks its test reaches. */
import type { Evidence, Intent } from '../../core/change.ts';
import type { ComparedTest } from './compare-runs.ts';
import { firstLine } from './failure-message.ts';

/** At most this many findings of one kind name their test; the rest are summed up in one more. */
const listed = 25;

/** `test "adds" in test/a.test.ts`, or `test file test/a.test.ts` for a whole-file result. */
export function describeTest(test: { file: string; name: string }): string {
  return test.name === '(file)' ? `test file ${test.file}` : `test "${test.name}" in ${test.file}`;
}

function finding(status: Evidence['status'], message: string, hunks: readonly string[], test: ComparedTest): Evidence {
  const data = { file: test.file, test: test.name, base: test.base?.status ?? 'absent', change: test.change.status, message: test.change.message ?? '' };
  return { kind: 'tests', status, message, hunks: [...hunks], data };
}

function summarise(status: Evidence['status'], tests: readonly ComparedTest[], reach: ReadonlyMap<string, readonly string[]>, verb: string): Evidence[] {
  if (tests.length <= listed) return [];
  const rest = tests.slice(listed);
  const hunks = [...new Set(rest.flatMap((test) => reach.get(test.file) ?? []))];
  return [{ kind: 'tests', status, message: `${rest.length} more tests ${verb}`, hunks, data: { tests: rest.map((test) => `${test.file} > ${test.name}`) } }];
}

/** Findings for newly failing, newly passing and still failing tests (`reach`: test file -> hunk ids). */
export function outcomeEvidence(compared: readonly ComparedTest[], reach: ReadonlyMap<string, readonly string[]>): Evidence[] {
  const of = (kind: ComparedTest['comparison']) => compared.filter((test) => test.comparison === kind);
  const hunks = (test: ComparedTest) => reach.get(test.file) ?? [];
  const newlyFailing = of('newly-failing');
  const newlyPassing = of('newly-passing');
  const stillFailing = of('still-failing');
  return [
    ...newlyFailing.slice(0, listed).map((test) => finding('fail', `${describeTest(test)} fails after the change: ${firstLine(test.change.message) || 'failed'}`, hunks(test), test)),
    ...summarise('fail', newlyFailing, reach, 'fail after the change'),
    ...newlyPassing.slice(0, listed).map((test) => finding('pass', `${describeTest(test)} passes after the change (it failed before)`, hunks(test), test)),
    ...summarise('pass', newlyPassing, reach, 'pass after the change (they failed before)'),
    ...stillFailing
      .slice(0, listed)
      .map((test) => finding('warn', `${describeTest(test)} fails before and after the change: ${firstLine(test.change.message) || 'failed'}`, hunks(test), test)),
    ...summarise('warn', stillFailing, reach, 'fail before and after the change'),
  ];
}

/**
 * Per hunk, "covered by N tests that pass" for the tests reaching it that pass on the change. A fix or a
 * feature claims to change behaviour: when none of those tests failed on the base (with the change's own
 * tests run there too), no test shows the change doing what it claims, and a `warn` marked `undemonstrated` says so.
 */
export function passingEvidence(compared: readonly ComparedTest[], reach: ReadonlyMap<string, readonly string[]>, hunkIds: readonly string[], intent: Intent = 'refactor'): Evidence[] {
  const evidence: Evidence[] = [];
  for (const hunk of hunkIds) {
    const passing = compared.filter((test) => (test.comparison === 'passing' || test.comparison === 'newly-passing') && reach.get(test.file)?.includes(hunk));
    if (passing.length === 0) continue;
    const message = passing.length === 1 ? 'covered by 1 test that passes' : `covered by ${passing.length} tests that pass`;
    evidence.push({ kind: 'tests', status: 'pass', message, hunks: [hunk], data: { tests: passing.map((test) => `${test.file} > ${test.name}`) } });
    const demonstrating = passing.filter((test) => test.comparison === 'newly-passing');
    if (intent !== 'refactor' && demonstrating.length === 0) {
      const count = passing.length === 1 ? 'the 1 test that reaches it passes' : `all ${passing.length} tests that reach it pass`;
      const message = `no test shows what this ${intent} changes: ${count} before and after the change; add a test that fails without it`;
      evidence.push({ kind: 'tests', status: 'warn', message, hunks: [hunk], data: { undemonstrated: true, intent } });
    }
  }
  return evidence;
}
