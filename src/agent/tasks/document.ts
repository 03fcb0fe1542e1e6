/** The document family: doc comments whose parameters and claims are checked against the code; nothing else may change. */
import type { TaskRequest } from '../../core/task.ts';
import { checkDocument } from './document-check.ts';
import type { TaskDefinition } from './types.ts';

function instructions(request: TaskRequest): string {
  const target = request.target ? `\`${request.target}\`` : 'the code the request names';
  return [
    `Write doc comments for ${target}. Change nothing but comments and docstrings: no code, no formatting, no renames.`,
    `1. Read before you write: \`outline\` and \`read\` ${target}, \`refs\` and \`callers\` to see how it is used, and its tests for the behaviour it promises. Follow the style of the doc comments already in the repository.`,
    '2. TypeScript and JavaScript: a `/** … */` JSDoc comment right above each function, method or exported arrow function. Start with one sentence saying what it does, then one `@param name description` for every parameter, with the exact parameter names in declaration order (a destructured parameter gets one `@param` with a name of your choice); `@returns` only when the function returns a value; `@throws {ErrorClass} when …` only for errors the body really throws (a `throw` or a call that can throw).',
    '3. Python: a docstring as the first statement of each function, with an `Args:` section listing every parameter by its exact name in order (not `self` or `cls`), `Returns:` only when the function returns a value, and `Raises:` only for exceptions the body can raise.',
    '4. Describe what the code does, not what you assume: every claim must be true of the code as it is.',
    'How success is checked: the code with comments removed must be identical to the base; for every doc comment you added or changed, the documented parameters must match the declared ones (all present, none extra, same order), and `@returns`/`@throws` claims must match the body.',
  ].join('\n');
}

/** `document <path|symbol>`: doc comments checked against the code. */
export const documentTask: TaskDefinition = {
  specificationVersion: 'v1',
  family: 'document',
  tags: { scope: 'unit', complexity: 'low', autonomy: 'high' },
  toolAccess: 'full',
  changesCode: true,
  instructions,
  doCheckSuccess: checkDocument,
};
