/** Turns an answered question into a test that every later candidate must pass, in the style of the project's test runner. */
import path from 'node:path';
import type { CallOutcome, EncodedValue } from '../../evidence/differential/index.ts';
import type { RunnerName } from '../../evidence/tests/index.ts';
import type { Disagreement } from './find-disagreements.ts';

/** JavaScript source for an encoded value, or undefined when it has no faithful literal (class instances, functions). */
export function literalSource(value: EncodedValue): string | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const items = value.map(literalSource);
    return items.every((item) => item !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  switch (value.$) {
    case 'undefined':
      return 'undefined';
    case 'number':
      return value.value;
    case 'bigint':
      return `${value.value}n`;
    case 'date':
      return `new Date(${JSON.stringify(value.value)})`;
    case 'object': {
      if (value.class !== 'Object') return undefined;
      const entries = value.entries.map(([key, item]) => [key, literalSource(item)] as const);
      return entries.every(([, item]) => item !== undefined) ? `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${item}`).join(', ')} }` : undefined;
    }
    default:
      return undefined;
  }
}

function assertion(call: string, outcome: CallOutcome): string | undefined {
  if (outcome.kind === 'throw') {
    const error = outcome.error;
    const name = typeof error === 'object' && error !== null && !Array.isArray(error) && error.$ === 'error' ? error.class : undefined;
    return name ? `assert.throws(() => ${call}, { name: ${JSON.stringify(name)} });` : `assert.throws(() => ${call});`;
  }
  if (outcome.kind !== 'return') return undefined;
  const expected = literalSource(outcome.value);
  return expected === undefined ? undefined : `assert.deepStrictEqual(${call}, ${expected});`;
}

const headers: Partial<Record<RunnerName, string>> = {
  'node-test': "import { test } from 'node:test';\nimport assert from 'node:assert/strict';",
  vitest: "import { test } from 'vitest';\nimport assert from 'node:assert/strict';",
  jest: "import assert from 'node:assert/strict';",
  mocha: "import assert from 'node:assert/strict';",
};

/** The test file for the chosen behaviour, next to the function's file; undefined when it cannot be written faithfully. */
export function answerTest(disagreement: Disagreement, chosen: CallOutcome, runner: RunnerName, index: number): { path: string; content: string } | undefined {
  const header = headers[runner];
  const args = disagreement.args.map(literalSource);
  if (!header || args.some((item) => item === undefined) || disagreement.exportPath.length === 0) return undefined;
  const [exported, ...members] = disagreement.exportPath;
  const call = `${[exported, ...members].join('.')}(${args.join(', ')})`;
  const check = assertion(call, chosen);
  if (!check) return undefined;
  const extension = path.extname(disagreement.path);
  const directory = path.dirname(disagreement.path);
  const base = path.basename(disagreement.path, extension);
  const testPath = path.posix.join(directory, `${base}.clarified-${index}.test${extension}`);
  const title = `clarified by the user: ${disagreement.functionName}(${disagreement.input}) ${chosen.kind === 'throw' ? 'throws' : 'returns the chosen value'}`;
  const body = [
    header,
    `import { ${exported} } from './${base}${extension}';`,
    '',
    `${runner === 'mocha' ? 'it' : 'test'}(${JSON.stringify(title)}, () => {`,
    `  ${check}`,
    '});',
    '',
  ];
  return { path: testPath, content: body.join('\n') };
}
