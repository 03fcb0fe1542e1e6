/** The ask family: answer a question about the code, read-only, citing `path:line` locations that are checked. */
import { checkAsk } from './ask-check.ts';
import type { TaskDefinition } from './types.ts';

function instructions(): string {
  return [
    'Answer the question about this repository. You may only read: do not edit, write or run anything.',
    '1. Find the code first: `search` for the words of the question, `find` and `locate` the symbols it names, `refs` and `callers` to follow how they are used, `outline` and `read` the files to get exact lines. Never guess a line number: read the file and take it from there.',
    '2. Answer in plain words, and back every claim about the code with a citation `path:line` or `path:start-end`, the path relative to the repository root (for example `src/cart.ts:42`).',
    '3. Right after each citation, quote the code of the cited line in backticks, copied exactly (for example: `src/cart.ts:42` `return items.reduce(sum, 0);`). For a range, quote one line of it.',
    '4. Say plainly what the code does not show or what you could not find, instead of guessing.',
    'How success is checked: every citation must name a file that exists and lines it has, and each quote next to a citation must occur in the cited lines; an answer without citations fails.',
  ].join('\n');
}

/** `ask "<question>"`: an answer whose every citation is checked. */
export const askTask: TaskDefinition = {
  specificationVersion: 'v1',
  family: 'ask',
  tags: { scope: 'project', complexity: 'low', autonomy: 'high' },
  toolAccess: 'read-only',
  changesCode: false,
  instructions,
  doCheckSuccess: checkAsk,
};
