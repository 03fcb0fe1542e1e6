/** The implement family: a feature with its tests; the tests must pass and no hunk may be broken. */
import { changedTestFiles, readDiffFiles } from './shared/common-diff.ts';
import { failedReport, listNames } from './shared/common-report.ts';
import { describeFileRun, runFilesIn } from './shared/common-test-runs.ts';
import { hunksWith, verdictCounts, verdictScore } from './shared/common-verdicts.ts';
import type { SuccessCheckInput, SuccessReport, TaskDefinition } from './types.ts';

function instructions(): string {
  return [
    'Implement the feature. Work in this order:',
    '1. Learn where it belongs before writing code: `map` the repository, `search` for the concepts of the request, `find` and `outline` the modules it extends, and `refs` and `callers` of the functions you will change. Reuse the helpers, types and conventions you find there.',
    '2. When the request leaves a choice open that changes behaviour (names, formats, error handling, defaults), call `ask_user` with concrete options rather than guessing.',
    "3. Write the feature with the smallest set of changes that fits the codebase's structure; keep existing public signatures working.",
    "4. Add tests with the project's test runner, next to the existing tests: the main use, edge cases (empty, boundary, invalid input) and the errors the feature reports. Run them and the tests of code you touched with `test`; all must pass.",
    '5. Call `check` on your change with intent `feature`: no hunk may be `broken`; deal with what `suspicious` and `unverified` hunks report.',
    'How success is checked: the change must change code and add or change test files, every one of which passes; `check` must find no broken hunk, and the more hunks are verified the better.',
  ].join('\n');
}

/** Passes when the change changes code and tests, the changed test files pass, and no hunk is broken. */
export async function checkImplement(input: SuccessCheckInput): Promise<SuccessReport> {
  const set = readDiffFiles(input.diff);
  if (!set.success) return failedReport(set.error);
  if (set.value.files.length === 0) return failedReport('the candidate changed nothing');
  const tests = await changedTestFiles(input.workspace.root, set.value, input.timeoutMs);
  const code = set.value.present.filter((file) => !tests.includes(file));
  if (tests.length === 0) return failedReport('the change adds or changes no test file', [`changed files: ${listNames(set.value.present)}`]);
  if (code.length === 0 && set.value.deleted.length === 0) return failedReport('the change only touches tests: nothing implements the feature', [`test files: ${listNames(tests)}`]);
  const runs = await runFilesIn(input.workspace.root, tests, { timeoutMs: input.timeoutMs, ...(input.signal ? { signal: input.signal } : {}) });
  const failing = tests.filter((file) => runs.passed.get(file) !== true);
  const broken = hunksWith(input.checkReport, ['broken']);
  const details = [...tests.map((file) => `${file}: ${describeFileRun(runs, file)}`), ...broken, ...runs.problems, verdictCounts(input.checkReport)];
  const measures = { testFiles: tests.length, failingTestFiles: failing.length, brokenHunks: broken.length };
  const score = verdictScore(input.checkReport);
  if (failing.length > 0) return { passed: false, score: score / 2, summary: `tests fail: ${listNames(failing)}`, details, measures };
  if (broken.length > 0) return { passed: false, score: score / 2, summary: `${broken.length} hunk${broken.length === 1 ? ' is' : 's are'} broken`, details, measures };
  return { passed: true, score, summary: `${listNames(tests)} pass${tests.length === 1 ? 'es' : ''}; ${verdictCounts(input.checkReport)}`, details, measures };
}

/** `implement "<feature>"`: the feature with tests, checked hunk by hunk. */
export const implementTask: TaskDefinition = {
  specificationVersion: 'v1',
  family: 'implement',
  tags: { scope: 'project', complexity: 'medium', autonomy: 'medium' },
  toolAccess: 'full',
  changesCode: true,
  instructions,
  doCheckSuccess: checkImplement,
};
