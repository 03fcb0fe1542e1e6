import { afterEach, describe, expect, it } from 'vitest';
import { extractCitations } from './ask-citations.ts';
import { askTask } from './ask.ts';
import { type CandidateFixture, candidateFixture } from './translation/testing/candidate-fixture.ts';

let current: CandidateFixture | undefined;
afterEach(() => current?.fixture.remove());

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const request = { family: 'ask' as const, text: 'Where is the discount applied?' };

const repository = {
  'src/cart.ts': lines(
    'export interface Item {',
    '  price: number;',
    '}',
    '',
    'export function total(items: Item[], discount = 0): number {',
    '  const sum = items.reduce((running, item) => running + item.price, 0);',
    '  return sum * (1 - discount);',
    '}',
  ),
  'pricing/rules.py': lines('def discount_for(customer):', '    if customer.get("vip"):', '        return 0.1', '    return 0'),
};

function answer(text: string) {
  current = candidateFixture(repository, {}, request);
  return askTask.doCheckSuccess({ ...current.input, answer: text });
}

describe('ask citations', () => {
  it('reads single lines and ranges, in backticks or not, with the code quoted next to each', () => {
    const citations = extractCitations('`total` sums at src/cart.ts:6 `items.reduce(` and applies it in `src/cart.ts:5-8`: `return sum * (1 - discount);`, see `Item` (src/cart.ts:1)');
    expect(citations.map(({ path, start, end, quotes }) => ({ path, start, end, quotes }))).toEqual([
      { path: 'src/cart.ts', start: 6, end: 6, quotes: ['items.reduce('] },
      { path: 'src/cart.ts', start: 5, end: 8, quotes: ['return sum * (1 - discount);'] },
      { path: 'src/cart.ts', start: 1, end: 1, quotes: ['Item'] },
    ]);
  });

  it('ignores URLs, file names in backticks and fenced code blocks', () => {
    const citations = extractCitations(['See https://example.com:443/docs and `pricing/rules.py`.', '```', 'at src/cart.ts:99', '```', 'pricing/rules.py:3 `return 0.1`'].join('\n'));
    expect(citations.map(({ text, quotes }) => ({ text, quotes }))).toEqual([{ text: 'pricing/rules.py:3', quotes: ['return 0.1'] }]);
  });
});

describe('ask', () => {
  it('is read-only and asks for a citation with a quote behind every claim', () => {
    const text = askTask.instructions(request);
    expect(text).toContain('You may only read');
    expect(text).toContain('`path:line`');
    expect(text).toContain('quote the code of the cited line in backticks');
    expect(askTask).toMatchObject({ toolAccess: 'read-only', changesCode: false, tags: { scope: 'project', complexity: 'low', autonomy: 'high' } });
  });

  it('passes an answer whose citations exist and hold the quoted code, in TypeScript and Python', async () => {
    const report = await answer(
      [
        'The discount is applied in `total` at src/cart.ts:7 `return sum * (1 - discount);`.',
        'VIP customers get 10% from pricing/rules.py:2-3 `return 0.1`, and the prices are summed at `./src/cart.ts:6`: `items.reduce((running, item) => running+item.price, 0)`.',
      ].join('\n'),
    );
    expect(report).toMatchObject({ passed: true, score: 1, summary: 'all 3 citations, 3 quotes check out', measures: { citations: 3, badCitations: 0, quotes: 3 } });
  });

  it('fails an answer citing a line that does not contain the quoted code, and shows the line', async () => {
    const report = await answer('The discount is applied at src/cart.ts:6 `return sum * (1 - discount);` and pricing/rules.py:3 `return 0.1`.');
    expect(report.passed).toBe(false);
    expect(report.score).toBe(0.5);
    expect(report.summary).toBe('1 of 2 citations, 2 quotes does not check out');
    expect(report.details).toEqual(['src/cart.ts:6: `return sum * (1 - discount);` is not in the cited line, which reads `const sum = items.reduce((running, item) => running + item.price, 0);`']);
  });

  it('fails citations of missing files, lines past the end, and paths outside the repository', async () => {
    const report = await answer('See src/basket.ts:3, src/cart.ts:9-12 and ../outside/file.ts:1.');
    expect(report.passed).toBe(false);
    expect(report.details).toEqual(['src/basket.ts:3: src/basket.ts does not exist', 'src/cart.ts:9-12: src/cart.ts has 8 lines', '../outside/file.ts:1: ../outside/file.ts is not a path inside the repository']);
  });

  it('fails an answer without citations', async () => {
    const report = await answer('The discount is applied when the total is computed.');
    expect(report).toMatchObject({ passed: false, summary: 'the answer cites no `path:line` location' });
  });
});
