import { afterEach, describe, expect, it } from 'vitest';
import { createToolFixture, shopFiles } from './testing/tool-fixture.ts';
import type { ToolFixture } from './testing/tool-fixture.ts';

let shop: ToolFixture | undefined;
afterEach(() => shop?.remove());

describe('ask_user', () => {
  it('asks with options, returns the answer and records question and answer', async () => {
    shop = createToolFixture(shopFiles, { answer: (question) => ({ questionId: question.id, answer: 'round down', by: 'user' }) });
    const text = await shop.call('ask_user', { question: 'How should cents be rounded?', options: ['round half up', 'round down'] });
    expect(text).toBe('the user answered: round down');
    expect(shop.questions).toEqual([expect.objectContaining({ text: 'How should cents be rounded?', options: ['round half up', 'round down'], allowOther: true, source: 'model', candidate: 'A' })]);
    const id = shop.questions[0]!.id;
    expect(shop.events).toEqual([
      { type: 'question', candidate: 'A', question: shop.questions[0] },
      { type: 'answer', candidate: 'A', questionId: id, answer: 'round down', by: 'user' },
    ]);
  });

  it('tells the model when the answer is an assumption of a non-interactive run', async () => {
    shop = createToolFixture(shopFiles, { answer: (question) => ({ questionId: question.id, answer: question.options[0]!, by: 'default' }) });
    expect(await shop.call('ask_user', { question: 'Keep the old API?', options: ['yes', 'no'], allowOther: false })).toBe(
      'no one answered (non-interactive run); assume: yes. State this assumption in your summary.',
    );
    expect(shop.questions[0]?.allowOther).toBe(false);
  });
});

describe('check', () => {
  it('says there is nothing to check before any change', async () => {
    shop = createToolFixture();
    expect(await shop.call('check', { kinds: ['tests'] })).toBe('no changes against the base yet: nothing to check');
  });

  it('gives a verdict per hunk with the reason', async () => {
    shop = createToolFixture();
    await shop.call('edit', { path: 'src/cart.js', search: 'sum += item.price;', replace: 'sum += item.price * 2;' });
    const text = await shop.call('check', { kinds: ['tests'], intent: 'fix' });
    expect(text).toMatch(/^BROKEN src\/cart\.js:1-7: test "total adds prices" in test\/cart\.test\.js fails after the change/);
    expect(text).toMatch(/\n1 broken \(intent fix; \d+\.\d s\)$/);
  });
});
