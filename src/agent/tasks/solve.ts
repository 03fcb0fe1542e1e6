/** The solve family: fix an issue, proven by a reproduction test that fails on the base and passes with the fix. */
import { checkSolve } from './solve-check.ts';
import type { TaskDefinition } from './types.ts';

function instructions(): string {
  return [
    'Solve the issue. Work in this order:',
    '1. Find the code involved before changing anything: `search` for the words and error messages of the issue, `find` and `locate` the functions it names, `refs` and `callers` to see what depends on them, and `outline` the files and their existing tests.',
    "2. Write a reproduction test first, with the project's test runner, next to the existing tests of that code (a new test file or a new test in an existing one). It states the behaviour the issue expects and must FAIL on the code as it is now. Run it with `test` and confirm it fails for the reason the issue describes, not because of an import or syntax error.",
    '3. Fix the cause with the smallest change that makes the reproduction test pass. Do not weaken, skip or delete existing tests.',
    '4. Run the reproduction test and the tests of the code you touched with `test`; all must pass.',
    '5. Call `check` on your change with intent `fix`: no hunk may be `broken`; deal with what `suspicious` and `unverified` hunks report.',
    'How success is checked: your added or changed test files are copied into a clean checkout of the base commit, where at least one of them must fail, and every one of them must pass in your worktree; `check` must find no broken hunk.',
  ].join('\n');
}

/** `solve "<issue>"`: a reproduction test, the fix, and evidence for every hunk. */
export const solveTask: TaskDefinition = {
  specificationVersion: 'v1',
  family: 'solve',
  tags: { scope: 'project', complexity: 'medium', autonomy: 'high' },
  toolAccess: 'full',
  changesCode: true,
  instructions,
  doCheckSuccess: checkSolve,
};
