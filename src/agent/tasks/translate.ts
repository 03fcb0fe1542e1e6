/** The translate family: rewrite a file in another language next to it, with tests, and prove the two agree on generated inputs. */
import type { TaskRequest } from '../../core/task.ts';
import { type TranslationCheckOptions, checkTranslation, minimumAgreement } from './translation/check-translation.ts';
import { testPathHint } from './translation/languages.ts';
import { planTranslation } from './translation/plan-translation.ts';
import type { TaskDefinition } from './types.ts';

const names: Record<string, string> = {
  'python->typescript': 'Python snake_case names become camelCase (`running_total` → `runningTotal`, `parse_HTTP_header` → `parseHTTPHeader`).',
  'python->javascript': 'Python snake_case names become camelCase (`running_total` → `runningTotal`, `parse_HTTP_header` → `parseHTTPHeader`).',
  'typescript->python': 'camelCase names become snake_case (`runningTotal` → `running_total`, `toJSON` → `to_json`).',
  'javascript->python': 'camelCase names become snake_case (`runningTotal` → `running_total`, `toJSON` → `to_json`).',
};

const signatures: Record<string, string> = {
  typescript: 'Give every exported function precise parameter types (no `any`): the check generates inputs from them.',
  javascript: 'Keep the parameters in the same order; document their types with JSDoc.',
  python: 'Annotate every parameter with a type hint (`int`, `float`, `str`, `list[int]`, `dict[str, float]`, `Optional[...]`): the check generates inputs from them.',
};

function instructions(request: TaskRequest): string {
  const planned = planTranslation(request);
  if (!planned.success) return `Translate: the request cannot be carried out as given (${planned.error}). Ask the user with \`ask_user\` which file and language they mean.`;
  const { source, from, to, target } = planned.value;
  const agreement = `${Math.round(minimumAgreement * 100)}%`;
  return [
    `Translate \`${source}\` (${from}) to ${to}: write \`${target}\` next to it, and leave \`${source}\` as it is.`,
    `- Keep every exported function and its behaviour: the same results for the same arguments, and an exception wherever the source raises one. ${names[`${from}->${to}`] ?? 'Exported names stay the same.'}`,
    `- ${signatures[to]} Use the language's idioms and the project's conventions; do not wrap the source or call it from the translation.`,
    `- Write tests for \`${target}\` with the project's test runner (for example \`${testPathHint(target, to)}\`), covering the cases the source's tests cover, and run them.`,
    `- How success is checked: codewright calls the source (as of the base commit) and \`${target}\` on the same inputs, those the source's tests use and ones generated from the signatures, and compares results: numbers by value (\`3\` equals \`3.0\`), tuples and lists as arrays, \`None\` as \`null\`/\`undefined\`, objects by their fields, and an exception on both sides as agreement. Every function must agree on at least ${agreement} of inputs, and your tests must pass.`,
  ].join('\n');
}

/** translate with its check's settings (generated inputs, seed, call limit, agreement needed). */
export function createTranslateTask(options: TranslationCheckOptions = {}): TaskDefinition {
  return {
    specificationVersion: 'v1',
    family: 'translate',
    tags: { scope: 'unit', complexity: 'medium', autonomy: 'high' },
    toolAccess: 'full',
    changesCode: true,
    instructions,
    doCheckSuccess: (input) => checkTranslation(input, options),
  };
}

/** `translate <path> --to <language>`: JavaScript, TypeScript and Python, in any direction. */
export const translateTask: TaskDefinition = createTranslateTask();
