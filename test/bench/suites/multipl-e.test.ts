import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCoalescer, createMultiplEScorer, multiplEAdapter, programFor, rebuildPrompt, scoreCompletions, type ScoreItem } from '../../../src/bench/suites/multipl-e/index.ts';
import type { BenchTask } from '../../../src/bench/task-schema.ts';
import type { Attempt } from '../../../src/bench/types.ts';

const tests = (name: string, asserts: string[]) =>
  `declare var require: any;\nconst assert = require('node:assert');\n\n\nfunction test() {\n  let candidate = ${name};\n${asserts.map((line) => `  assert.deepEqual(${line});`).join('\n')}\n}\n\ntest();`;

/** Records in MultiPL-E's format, written for the tests: two tasks declare a function of the same name. */
const records = [
  // As the stored copy has it: only the first doc-comment line keeps its `//`.
  { name: 'HumanEval_900_add', language: 'ts', prompt: '//Add two numbers.\n>>> add(1, 2)\n3\nfunction add(a: number, b: number): number {\n', tests: tests('add', ['candidate(1, 2),3', 'candidate(-4, 4),0']), stop_tokens: ['\nfunction '] },
  { name: 'HumanEval_901_add', language: 'ts', prompt: '//Join two words with a space.\n// >>> add("a", "b")\n// "a b"\nfunction add(x: string, y: string): string {\n', test: tests('add', ['candidate("a", "b"),"a b"']) },
  { name: 'HumanEval_902_largest', language: 'ts', prompt: '//The largest number, or undefined for an empty array.\nfunction largest(values: number[]): number | undefined {\n', tests: tests('largest', ['candidate([3, 9, 2]),9', 'candidate([]),undefined']), canonical_solution: '  return values.length ? Math.max(...values) : undefined;\n}\n' },
];

function writePrompts(lines: string[], file = 'humaneval-ts-reworded.jsonl'): string {
  const folder = mkdtempSync(join(tmpdir(), 'codewright-multipl-e-test-'));
  writeFileSync(join(folder, file), `${lines.join('\n')}\n`);
  return join(folder, file);
}

function attempt(task: BenchTask, answer: string, sample = 0): Attempt {
  return { taskId: task.id, sample, agent: 'test', status: 'done', patch: '', answer, seconds: 0, inputTokens: 0, outputTokens: 0, cost: 0 };
}

async function loadFixture(): Promise<BenchTask[]> {
  const { tasks, problems } = await multiplEAdapter.doLoad(writePrompts(records.map((record) => JSON.stringify(record))), {});
  expect(problems).toEqual([]);
  return tasks;
}

describe('MultiPL-E TypeScript prompts', () => {
  it('rebuilds doc comments that lost their // and loads tasks with the prompt file, the tests and the reference', async () => {
    expect(rebuildPrompt(records[0]?.prompt ?? '')).toBe('//Add two numbers.\n// >>> add(1, 2)\n// 3\nfunction add(a: number, b: number): number {\n');
    const tasks = await loadFixture();
    expect(tasks.map((task) => task.id)).toEqual(['multipl-e/humaneval-ts/HumanEval_900_add', 'multipl-e/humaneval-ts/HumanEval_901_add', 'multipl-e/humaneval-ts/HumanEval_902_largest']);
    const [first, second, third] = tasks as [BenchTask, BenchTask, BenchTask];
    expect(first).toMatchObject({ family: 'generate', scope: 'function', language: 'typescript', target: 'HumanEval_900_add.ts', origin: { suite: 'multipl-e/humaneval-ts', upstreamId: 'HumanEval_900_add' } });
    expect(first.source).toEqual({ kind: 'inline', files: { 'HumanEval_900_add.ts': rebuildPrompt(records[0]?.prompt ?? '') }, setup: [] });
    expect(first.request).toContain('Complete the TypeScript function `add` in HumanEval_900_add.ts');
    expect(first.request).toContain('>>> add(1, 2)');
    expect(second.scoring.checker).toContain('let candidate = add;');
    expect(third.scoring.reference).toBe(records[2]?.canonical_solution);
  });

  it('names the file, line and field of records it cannot load, and names MBPP tasks after their file', async () => {
    const mbpp = { name: 'mbpp_2_similar_elements', language: 'ts', prompt: '//Shared elements.\nfunction similar_elements(a: number[], b: number[]): number[] {\n', tests: tests('similar_elements', ['candidate([1], [1]),[1]']) };
    const file = writePrompts([JSON.stringify(mbpp), '{not json', JSON.stringify({ ...mbpp, name: 'mbpp_3', language: 'py' }), JSON.stringify({ name: 'mbpp_4', language: 'ts', prompt: 'x' })], 'mbpp-ts-reworded.jsonl');
    const { tasks, problems } = await multiplEAdapter.doLoad(file, {});
    expect(tasks.map((task) => task.id)).toEqual(['multipl-e/mbpp-ts/mbpp_2_similar_elements']);
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${file}:2: not valid JSON`)), `${file}:3: language: \`py\` is not supported; give the TypeScript (ts) prompts`, expect.stringMatching(/:4: tests: /)]);
    await expect(multiplEAdapter.doLoad(join(file, 'missing.jsonl'), {})).rejects.toThrow(/humaneval-ts-reworded\.jsonl/);
  });

  it('builds the program from a continuation of the prompt or from a whole function', () => {
    const prompt = 'function add(a: number, b: number): number {\n';
    expect(programFor(prompt, '  return a + b;\n}\n', 'test();')).toBe(`${prompt}  return a + b;\n}\n\n\ntest();\n`);
    expect(programFor(prompt, 'function add(a: number, b: number): number {\n  const add = 1;\n  return a + b + add - 1;\n}', 'test();')).not.toContain(prompt + 'function');
    expect(programFor(prompt, '  const add = (x: number, y: number) => x + y;\n  return add(a, b);\n}\n', '')).toMatch(/^function add/);
  });

  it('scores a batch with one tsc: same-named functions do not collide, and each type error or failing test stays with its task (real tsc and node)', async () => {
    const [add, join2, largest] = await loadFixture();
    const worktree = mkdtempSync(join(tmpdir(), 'codewright-multipl-e-worktree-'));
    writeFileSync(join(worktree, largest?.target ?? ''), `${largest?.source.kind === 'inline' ? largest.source.files[largest.target ?? ''] : ''}${largest?.scoring.reference}`);
    const item = (task: BenchTask | undefined, answer: string, sample = 0, where = worktree): ScoreItem => ({ task: task as BenchTask, attempt: attempt(task as BenchTask, answer, sample), worktree: where });
    const elsewhere = mkdtempSync(join(tmpdir(), 'codewright-multipl-e-worktree-'));
    const scores = await scoreCompletions(
      [
        item(add, '  return a + b;\n}\n'),
        item(join2, '```typescript\nfunction add(x: string, y: string): string {\n  return `${x} ${y}`;\n}\n```'),
        item(largest, ''),
        item(add, '  return a - b;\n}\n', 1),
        item(add, '  return "three";\n}\n', 2),
        item(largest, '', 3, elsewhere),
        item(add, '  while (true) {}\n}\n', 4),
      ],
      { timeoutMs: 5_000, workers: 2 },
    );
    expect(scores.map((score) => score.status)).toEqual(['passed', 'passed', 'passed', 'failed', 'failed', 'failed', 'failed']);
    expect(scores[3]?.reason).toMatch(/^the tests fail: AssertionError/);
    expect(scores[4]?.reason).toMatch(/^type errors: 5:\d+ TS2322 /);
    expect(scores[5]?.reason).toMatch(/^no completion/);
    expect(scores[6]?.reason).toMatch(/timed out/);
  }, 120_000);

  it('gathers single doScore calls that arrive together into one batch', async () => {
    const batches: number[][] = [];
    const coalescer = createCoalescer<number, number>(async (items) => (batches.push(items), items.map((value) => value * 2)), { waitMs: 20, maxBatch: 3 });
    expect(await Promise.all([1, 2, 3, 4].map((value) => coalescer.add(value)))).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1, 2, 3], [4]]);
    const tasks = await loadFixture();
    const scorer = createMultiplEScorer({ workers: 2 });
    const worktree = mkdtempSync(join(tmpdir(), 'codewright-multipl-e-worktree-'));
    const options = { signal: new AbortController().signal, timeoutMs: 10_000 };
    const answers = ['  return a + b;\n}\n', 'function add(x: string, y: string): string {\n  return x + y;\n}', tasks[2]?.scoring.reference ?? ''];
    const scores = await Promise.all(tasks.map((task, index) => scorer.doScore(task, attempt(task, answers[index] ?? ''), worktree, options)));
    expect(scores.map((score) => [score.taskId, score.passed])).toEqual([
      ['multipl-e/humaneval-ts/HumanEval_900_add', true],
      ['multipl-e/humaneval-ts/HumanEval_901_add', false],
      ['multipl-e/humaneval-ts/HumanEval_902_largest', true],
    ]);
    expect(tasks.every((task) => scorer.accepts(task))).toBe(true);
    expect(scorer.accepts({ ...(tasks[0] as BenchTask), origin: { suite: 'swe-bench' } })).toBe(false);
  }, 60_000);
});
