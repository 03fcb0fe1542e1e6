/** A MultiPL-E TypeScript record as a bench task: complete the function in `<name>.ts` so that the record's tests pass. */
import { basename } from 'node:path';
import { fail, ok, type Result } from '../../../core/result.ts';
import { benchTaskSchema, type BenchTask } from '../../task-schema.ts';
import { promptDescription, promptFunctionName, rebuildPrompt } from './prompt-text.ts';
import type { MultiplERecord } from './record-schema.ts';

const upstreamUrl = 'https://github.com/nuprl/MultiPL-E';

/** `humaneval-ts` from `humaneval-ts-reworded.jsonl` (the prompt variant is dropped), `mbpp-ts` from `mbpp-ts-keep.json`. */
export function datasetOfFile(file: string): string {
  return basename(file)
    .replace(/\.(jsonl|json)$/, '')
    .replace(/-(reworded|keep|remove|transform)$/, '');
}

/** The task for one record of `dataset`; fails with the reason for records that are not TypeScript or have no signature. */
export function recordToTask(record: MultiplERecord, dataset: string): Result<BenchTask, string> {
  if (record.language !== 'ts') return fail(`language: \`${record.language}\` is not supported; give the TypeScript (ts) prompts`);
  const prompt = rebuildPrompt(record.prompt);
  const name = promptFunctionName(prompt);
  if (!name) return fail('prompt: no `function` signature to complete');
  const file = `${record.name}.ts`;
  const parsed = benchTaskSchema.safeParse({
    id: `multipl-e/${dataset}/${record.name}`,
    family: 'generate',
    scope: 'function',
    complexity: 'low',
    autonomy: 'low',
    language: 'typescript',
    source: { kind: 'inline', files: { [file]: prompt } },
    request: `Complete the TypeScript function \`${name}\` in ${file}, keeping its signature:\n\n${promptDescription(prompt)}\n\nAnswer with the whole function, or write it in ${file}.`,
    target: file,
    scoring: { checker: record.tests, reference: record.canonical_solution },
    origin: { suite: `multipl-e/${dataset}`, upstreamId: record.name, url: upstreamUrl },
  });
  if (!parsed.success) return fail(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  return ok(parsed.data);
}
