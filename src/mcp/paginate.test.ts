import { describe, expect, test } from 'vitest';
import { cursorOffset, pageFooter, pageOf, pageOfRanked } from './paginate.ts';

describe('pagination', () => {
  const letters = ['a', 'b', 'c', 'd', 'e'];

  test('cuts pages with cursors and says how to continue', () => {
    const first = pageOf(letters, undefined, 2);
    expect(first).toEqual({ items: ['a', 'b'], offset: 0, total: 5, nextCursor: '2' });
    expect(pageFooter(first, 'names')).toBe('[showing names 1-2 of 5. Truncated: call again with cursor "2" for more names.]');
    const last = pageOf(letters, '4', 2);
    expect(last).toEqual({ items: ['e'], offset: 4, total: 5, nextCursor: undefined });
    expect(pageFooter(last, 'names')).toBe('[showing names 5-5 of 5 (last page)]');
    expect(pageFooter(pageOf(letters, undefined, 10), 'names')).toBe('');
  });

  test('pages a ranked query by asking one more than the page', () => {
    const asked: number[] = [];
    const fetch = (count: number) => (asked.push(count), letters.slice(0, count));
    expect(pageOfRanked(fetch, '2', 2)).toEqual({ items: ['c', 'd'], offset: 2, total: undefined, nextCursor: '4' });
    expect(pageOfRanked(fetch, '4', 2)).toEqual({ items: ['e'], offset: 4, total: 5, nextCursor: undefined });
    expect(asked).toEqual([5, 7]);
    expect(pageFooter({ items: ['c', 'd'], offset: 2, total: undefined, nextCursor: '4' }, 'results')).toBe('[showing results 3-4. Truncated: call again with cursor "4" for more results.]');
  });

  test('refuses cursors it did not print', () => {
    expect(cursorOffset(undefined)).toBe(0);
    expect(cursorOffset('12')).toBe(12);
    expect(() => cursorOffset('-1')).toThrow('cursor `-1` is not one this server printed');
  });
});
