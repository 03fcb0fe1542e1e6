/**
 * Reference completions for MultiPL-E's HumanEval-TS prompts, derived mechanically from HumanEval-X's JavaScript
 * canonical solutions (THUDM/CodeGeeX, `codegeex/benchmark/humaneval-x/js/data/humaneval_js.jsonl.gz`): MultiPL-E
 * ships no TypeScript solutions. The JavaScript function is declared inside the TypeScript one and called with its
 * parameters. They are a verified sample, not upstream references: the ones whose tests fail are listed by the bench.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

interface HumanEvalXRecord {
  task_id: string;
  declaration: string;
  canonical_solution: string;
}

/** Splits a parameter list at top-level commas and keeps the names. */
function parameterNames(list: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of list) {
    if ('([{<'.includes(character)) depth++;
    if (')]}>'.includes(character)) depth--;
    if (character === ',' && depth === 0) {
      names.push(current);
      current = '';
    } else current += character;
  }
  if (current.trim()) names.push(current);
  return names.map((parameter) => parameter.split(':')[0]?.replace('?', '').trim() ?? '').filter(Boolean);
}

/** HumanEval number -> JavaScript record, from the gzipped JSONL. */
export function readHumanEvalX(file: string): Map<number, HumanEvalXRecord> {
  const records = new Map<number, HumanEvalXRecord>();
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as HumanEvalXRecord;
    records.set(Number(record.task_id.split('/')[1]), record);
  }
  return records;
}

/** The completion (the text after the prompt) for a HumanEval-TS prompt, or undefined when HumanEval-X has no match. */
export function referenceCompletion(upstreamId: string, prompt: string, records: Map<number, HumanEvalXRecord>): string | undefined {
  const record = records.get(Number(upstreamId.split('_')[1]));
  const signature = /function\s+[\w$]+\s*\((.*?)\)\s*:.*\{\s*$/.exec(prompt.trimEnd().split('\n').at(-1) ?? '');
  const declared = [...(record?.declaration ?? '').matchAll(/(?:const|let|var)\s+([\w$]+)\s*=|function\s+([\w$]+)\s*\(/g)].at(-1);
  const name = declared?.[1] ?? declared?.[2];
  if (!record || !signature || !name) return undefined;
  const body = `${record.declaration.trim()}\n${record.canonical_solution.trimEnd()}`.replace(/^/gm, '  ');
  return `${body}\n  return ${name}(${parameterNames(signature[1] ?? '').join(', ')});\n}\n`;
}
