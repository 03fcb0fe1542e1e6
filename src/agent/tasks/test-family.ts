/** The test family: write tests for a symbol, reported with the mutation score of its code under them. */
import type { TaskRequest } from '../../core/task.ts';
import { createTestFamilyCheck, minimumMutationScore, type TestTaskOptions } from './test-family-check.ts';
import type { TaskDefinition } from './types.ts';

function instructions(request: TaskRequest): string {
  const target = request.target ? `\`${request.target}\`` : 'the code the request names';
  return [
    `Write tests for ${target}. Add or change test files only: do not change the code under test, even where you think it is wrong (say so in your summary instead).`,
    `1. Read ${target} first: \`locate\` or \`find\` it, \`read\` its body, and \`refs\` and \`callers\` to see how it is used. Read the existing tests of the repository to follow their runner, file names, folders and style.`,
    "2. Write the tests with the project's test runner, in a new test file where the runner finds it (or in the existing test file of that code). Cover the main behaviour, every branch and boundary (empty, zero, negative, equal, largest), and the errors it throws, each asserted on its exact value or message.",
    '3. Aim to kill mutants: for every comparison, arithmetic operation, condition and return value in the target, have a test that fails if it changes (`<` into `<=`, `+` into `-`, a negated condition, a different return value).',
    '4. Run your tests with `test`; they must all pass on the code as it is.',
    `How success is checked: the change may only add or change test files, those tests must pass, and codewright mutates the lines of ${target} and runs your tests against each mutant; at least ${minimumMutationScore * 100}% of the mutants must make a test fail.`,
  ].join('\n');
}

/** test with its mutation limits. */
export function createTestTask(options: TestTaskOptions = {}): TaskDefinition {
  return {
    specificationVersion: 'v1',
    family: 'test',
    tags: { scope: 'unit', complexity: 'medium', autonomy: 'high' },
    toolAccess: 'full',
    changesCode: true,
    instructions,
    doCheckSuccess: createTestFamilyCheck(options),
  };
}

/** `test <symbol>`: tests for a symbol, and their mutation score. */
export const testTask: TaskDefinition = createTestTask();
