/** The coverage evidence: which added lines the tests that reach the change execute on the change worktree. */
import type { Evidence } from '../../core/change.ts';
import { planTests } from '../tests/plan-tests.ts';
import type { CheckContext, EvidenceProvider } from '../types.ts';
import { changedSources } from './changed-sources.ts';
import { collectCoverage } from './collect-coverage.ts';
import { hunkCoverageEvidence } from './hunk-coverage.ts';
import { coverageSharedKey, testRunCoverage, toCoverageShared } from './shared.ts';
import { emptyCoverage, mergeFileCoverage } from './types.ts';

async function checkCoverage(context: CheckContext): Promise<Evidence[]> {
  const plan = await planTests(context);
  const evidence: Evidence[] = plan.problems.map((problem) => ({ kind: 'coverage', status: 'unavailable', message: problem.reason, hunks: problem.hunks }));
  const total = emptyCoverage();
  for (const planned of plan.runners) {
    const sources = await changedSources(context.changeDir, context.hunks, planned.runner.language);
    if (sources.size === 0) continue;
    const hunks = [...sources.values()].flatMap((file) => file.hunks);
    // The tests evidence ran the same selection on the change with coverage on when it knew coverage would follow.
    const result = testRunCoverage(context.shared).get(planned.runner.name) ?? (await collectCoverage(context, planned, sources));
    if (!result.success) {
      evidence.push({ kind: 'coverage', status: 'unavailable', message: result.reason, hunks: hunks.map((hunk) => hunk.id) });
      continue;
    }
    for (const [path, file] of result.data.files) {
      const known = total.files.get(path);
      if (known) mergeFileCoverage(known, file);
      else total.files.set(path, file);
    }
    for (const [test, files] of result.data.byTestFile) total.byTestFile.set(test, files);
    for (const hunk of hunks) {
      const found = hunkCoverageEvidence(hunk, result.data.files.get(hunk.path)!);
      if (found) evidence.push(found);
    }
  }
  context.shared.set(coverageSharedKey, toCoverageShared(total));
  return evidence;
}

/** The `coverage` evidence provider. */
export function createCoverageProvider(): EvidenceProvider {
  return { specificationVersion: 'v1', kind: 'coverage', doCheck: checkCoverage };
}
