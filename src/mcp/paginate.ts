/** Pagination of tool output: an opaque cursor, a page size, and a closing line that says how to get the rest. */
import { z } from 'zod';
import { CodewrightError } from '../core/errors.ts';

/** `limit` and `cursor`, shared by every paginated tool. */
export const pageArguments = {
  limit: z.number().int().min(1).max(200).optional().describe('Results per page (1-200, default 20).'),
  cursor: z.string().optional().describe('Where to continue: the `cursor` value printed at the end of the previous page. Omit for the first page.'),
};

/** A page of items and what is left. */
export interface Page<T> {
  items: T[];
  offset: number;
  /** All items, when known; undefined when the query stopped early. */
  total: number | undefined;
  /** Cursor of the next page, or undefined on the last page. */
  nextCursor: string | undefined;
}

/** The offset a cursor stands for; an unreadable cursor is an argument error. */
export function cursorOffset(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  if (!/^\d{1,9}$/.test(cursor)) {
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `cursor \`${cursor}\` is not one this server printed. Pass the cursor value from the end of the previous page, or omit it for the first page.` });
  }
  return Number(cursor);
}

/** Cuts a page out of `all` (every item known). */
export function pageOf<T>(all: readonly T[], cursor: string | undefined, limit: number): Page<T> {
  const offset = cursorOffset(cursor);
  const items = all.slice(offset, offset + limit);
  const next = offset + items.length;
  return { items, offset, total: all.length, nextCursor: next < all.length ? String(next) : undefined };
}

/**
 * Pages a ranked query that can stop early: `fetch(count)` returns at most `count` best results; one more than
 * the page is asked for to learn whether another page exists.
 */
export function pageOfRanked<T>(fetch: (count: number) => T[], cursor: string | undefined, limit: number): Page<T> {
  const offset = cursorOffset(cursor);
  const found = fetch(offset + limit + 1);
  const items = found.slice(offset, offset + limit);
  const more = found.length > offset + limit;
  return { items, offset, total: more ? undefined : found.length, nextCursor: more ? String(offset + limit) : undefined };
}

/** The closing line of a page: empty when everything is shown, else how many are shown and how to continue. */
export function pageFooter(page: Page<unknown>, noun: string): string {
  if (page.nextCursor === undefined && page.offset === 0) return '';
  const shown = page.items.length === 0 ? 'none' : `${page.offset + 1}-${page.offset + page.items.length}`;
  const of = page.total === undefined ? '' : ` of ${page.total}`;
  const more = page.nextCursor === undefined ? ' (last page)' : `. Truncated: call again with cursor "${page.nextCursor}" for more ${noun}.`;
  return `[showing ${noun} ${shown}${of}${more}]`;
}
