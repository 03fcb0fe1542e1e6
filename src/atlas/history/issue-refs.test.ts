import { describe, expect, it } from 'vitest';
import { extractIssues } from './issue-refs.ts';

describe('extractIssues', () => {
  it.each([
    ['Fix crash (#123)', ['#123']],
    ['Fixes GH-45', ['#45']],
    ['See octo-org/app.js#7 and #8', ['octo-org/app.js#7', '#8']],
    ['Closes https://github.com/octo/app/issues/99', ['octo/app#99']],
    ['PROJ-12: handle nulls, see also AB2-3', ['PROJ-12', 'AB2-3']],
    ['#5 then #5 again, GH-5 too', ['#5']],
    ['Support UTF-8, SHA-256, ISO-8859-1 and CVE-2021-44228', []],
    ['Colour #fff and &#123; entity and item#4 and X-1', []],
    ['', []],
  ])('finds issues in %j', (message, expected) => {
    expect(extractIssues(message)).toEqual(expected);
  });
});
