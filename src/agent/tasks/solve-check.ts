/** The success check of solve: a changed test file fails on the base and passes on the candidate, and no hunk is broken. */
import { changedTestFiles, readDiffFiles } from './shared/common-diff.ts';
import { failedReport, listNames } from './shared/common-report.ts';
import { describeFileRun, runFilesIn, runFilesOnBase } from './shared/common-test-runs.ts';
import { hunksWith, verdictCounts, verdictScore } from './shared/common-verdicts.ts';
import type { SuccessCheckInput, SuccessReport } from './types.ts';

/** Runs the candidate's test files on the base and on the candidate; a reproduction fails on the first and passes on the second. */
export async function checkSolve(input: SuccessCheckInput): Promise<SuccessReport> {
  const set = readDiffFiles(input.diff);
  if (!set.success) return failedReport(set.error);
  if (set.value.files.length === 0) return failedReport('the candidate changed nothing');
  const root = input.workspace.root;
  const options = { timeoutMs: input.timeoutMs, ...(input.signal ? { signal: input.signal } : {}) };
  const tests = await changedTestFiles(root, set.value, input.timeoutMs);
  if (tests.length === 0) {
    return failedReport('no reproduction test: the change adds or changes no test file', [`changed files: ${listNames(set.value.present)}`]);
  }
  const candidate = await runFilesIn(root, tests, options);
  const base = await runFilesOnBase(input.workspace, tests, options);
  if (base.unavailable) return failedReport(`the reproduction test could not run on the base: ${base.unavailable}`);
  const reproductions = tests.filter((file) => base.passed.get(file) !== true && candidate.passed.get(file) === true);
  const failing = tests.filter((file) => candidate.passed.get(file) !== true);
  const broken = hunksWith(input.checkReport, ['broken']);
  const details = [
    ...tests.map((file) => `${file}: on the base ${describeFileRun(base, file)}; with the change ${describeFileRun(candidate, file)}`),
    ...(reproductions.length > 0 ? [`reproduction test: ${reproductions.join(', ')}`] : []),
    ...broken,
    ...candidate.problems,
    verdictCounts(input.checkReport),
  ];
  const measures = { testFiles: tests.length, reproductionTests: reproductions.length, brokenHunks: broken.length };
  const score = verdictScore(input.checkReport);
  if (reproductions.length === 0) {
    const passingOnBase = tests.filter((file) => base.passed.get(file) === true);
    const parts = [...(passingOnBase.length > 0 ? [`${listNames(passingOnBase)} already pass${passingOnBase.length === 1 ? 'es' : ''} on the base`] : []), ...(failing.length > 0 ? [`${listNames(failing)} fail${failing.length === 1 ? 's' : ''} with the change`] : [])];
    const summary = `no reproduction test: ${parts.join('; ')}`;
    return { passed: false, score: 0, summary, details, measures };
  }
  if (failing.length > 0) return { passed: false, score: score / 2, summary: `changed tests fail with the change: ${listNames(failing)}`, details, measures };
  if (broken.length > 0) return { passed: false, score: score / 2, summary: `${broken.length} hunk${broken.length === 1 ? ' is' : 's are'} broken`, details, measures };
  return { passed: true, score, summary: `${listNames(reproductions)} fails on the base and passes with the fix; ${verdictCounts(input.checkReport)}`, details, measures };
}
