import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { answerTest, literalSource } from './answer-test.ts';
import { lineAsker, majorityAsker } from './askers.ts';
import type { Disagreement } from './find-disagreements.ts';
import { questionFor } from './question-for.ts';

const disagreement: Disagreement = {
  functionName: 'average',
  path: 'src/stats.ts',
  exportPath: ['average'],
  args: [[]],
  input: '([])',
  outcomes: [
    { candidate: 'A', outcome: { kind: 'return', value: 0 }, text: 'returns 0' },
    { candidate: 'B', outcome: { kind: 'throw', error: { $: 'error', class: 'RangeError', message: 'empty' } }, text: 'throws RangeError: empty' },
    { candidate: 'C', outcome: { kind: 'return', value: 0 }, text: 'returns 0' },
  ],
};

describe('questions from disagreements', () => {
  test('one option per behaviour, the majority first, in a concrete sentence', () => {
    const { question, options } = questionFor(disagreement, 'q1');
    expect(question.text).toBe('For input `([])` to `average` (src/stats.ts), candidates A and C return 0 and candidate B throws RangeError: empty. Which is intended?');
    expect(question.options).toEqual(['A, C: returns 0', 'B: throws RangeError: empty']);
    expect(options[1]!.candidates).toEqual(['B']);
  });

  test('the chosen behaviour becomes a test in the project runner style', () => {
    const returns = answerTest(disagreement, disagreement.outcomes[0]!.outcome, 'node-test', 1)!;
    expect(returns.path).toBe('src/stats.clarified-1.test.ts');
    expect(returns.content).toContain("import { average } from './stats.ts';");
    expect(returns.content).toContain('assert.deepStrictEqual(average([]), 0);');
    const throws = answerTest(disagreement, disagreement.outcomes[1]!.outcome, 'vitest', 2)!;
    expect(throws.content).toContain("import { test } from 'vitest';");
    expect(throws.content).toContain('assert.throws(() => average([]), { name: "RangeError" });');
  });

  test('values without a faithful literal give no test', () => {
    expect(literalSource({ $: 'object', class: 'Point', entries: [['x', 1]] })).toBeUndefined();
    expect(literalSource({ $: 'object', class: 'Object', entries: [['x', { $: 'number', value: 'NaN' }]] })).toBe('{ "x": NaN }');
    expect(answerTest({ ...disagreement, args: [{ $: 'function', value: 'f' }] }, { kind: 'return', value: 1 }, 'node-test', 3)).toBeUndefined();
  });
});

describe('askers', () => {
  const question = { id: 'q1', text: 'Which?', options: ['A: returns 0', 'B: throws'], source: 'disagreement' as const };

  test('a line of input picks an option by number or by candidate letter; a wrong answer is asked again', async () => {
    const input = new PassThrough();
    const written: string[] = [];
    const asker = lineAsker(input, (text) => written.push(text));
    input.write('7\n2\nA\n');
    expect(await asker.ask(question)).toEqual({ questionId: 'q1', answer: 'B: throws', by: 'user' });
    expect(written.join('')).toContain('"7" is not one of the options.');
    expect(await asker.ask({ ...question, id: 'q2' })).toEqual({ questionId: 'q2', answer: 'A: returns 0', by: 'user' });
    asker.close();
  });

  test('when the input ends, the majority is assumed and said so', async () => {
    const input = new PassThrough();
    const written: string[] = [];
    const asker = lineAsker(input, (text) => written.push(text));
    input.end();
    expect(await asker.ask(question)).toEqual({ questionId: 'q1', answer: 'A: returns 0', by: 'majority' });
    expect(written.join('')).toContain('no answer; assuming "A: returns 0"');
  });

  test('non-interactive: the first option, as majority for disagreements and default for the model', async () => {
    expect(await majorityAsker().ask(question)).toEqual({ questionId: 'q1', answer: 'A: returns 0', by: 'majority' });
    expect(await majorityAsker().ask({ ...question, source: 'model' })).toEqual({ questionId: 'q1', answer: 'A: returns 0', by: 'default' });
  });
});
