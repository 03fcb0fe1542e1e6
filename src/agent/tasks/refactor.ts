/** The refactor family: restructure code without changing behaviour; differential testing must find no difference. */
import { checkRefactor } from './refactor-check.ts';
import type { TaskDefinition } from './types.ts';

function instructions(): string {
  return [
    'Refactor as asked without changing behaviour. Work in this order:',
    '1. Read the code and everything that depends on it first: `outline` and `read` the files, `refs` and `callers` of every function you will touch, and the tests that cover them (`search` the test files for their names).',
    '2. Behaviour must not change: the same results, the same errors (class and message), the same side effects for every input, including edge cases such as empty, negative or missing values. Keep exported names and public signatures (parameters, their order, return types) unless the request asks to change them; when it does, update every caller you found with `refs`.',
    '3. Change structure only: names, extraction, inlining, splitting files, removing duplication. Do not fix bugs you notice on the way; mention them in your summary instead.',
    '4. Do not change tests except where they import a moved or renamed symbol. Run the tests of the code you touched with `test`; all must pass.',
    '5. Call `check` with intent `refactor`: it runs the old and new versions of each changed exported function on the same generated inputs. Any reported difference must be undone; no hunk may be `broken` or `suspicious`.',
    'How success is checked: differential testing must find no difference, the tests must pass, and no hunk may be broken or suspicious.',
  ].join('\n');
}

/** `refactor "<goal>"`: the same behaviour in a better shape. */
export const refactorTask: TaskDefinition = {
  specificationVersion: 'v1',
  family: 'refactor',
  tags: { scope: 'unit', complexity: 'medium', autonomy: 'high' },
  toolAccess: 'full',
  changesCode: true,
  instructions,
  doCheckSuccess: checkRefactor,
};
