import { describe, expect, it } from 'vitest';
import type { Change } from '../../core/change.ts';
import { mapOldLine } from './hunk-lines.ts';
import { introducedFindings } from './new-findings.ts';
import { parseDiff } from './testing/parse-diff.ts';

// Old: a b c d e f g h. New: x a b C d e f h (one line added at the top, c rewritten, g removed).
const patch = [
  'diff --git a/f.txt b/f.txt',
  '--- a/f.txt',
  '+++ b/f.txt',
  '@@ -1,3 +1,4 @@',
  '+x',
  ' a',
  ' b',
  '-c',
  '+C',
  '@@ -5,4 +6,3 @@',
  ' e',
  ' f',
  '-g',
  ' h',
  '',
].join('\n');
const change: Change = parseDiff(patch, 'base');
const file = change.files[0]!;

describe('line mapping and new findings', () => {
  it('maps base lines through the hunks', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((line) => mapOldLine(file, line))).toEqual([2, 3, undefined, 5, 6, 7, undefined, 8]);
  });

  it('keeps only findings without a twin at the mapped line', () => {
    const base = [
      { path: 'f.txt', line: 2, key: 'E1' },
      { path: 'f.txt', line: 8, key: 'E2' },
      { path: 'other.txt', line: 4, key: 'E3' },
    ];
    const changed = [
      { path: 'f.txt', line: 3, key: 'E1' },
      { path: 'f.txt', line: 8, key: 'E2' },
      { path: 'other.txt', line: 4, key: 'E3' },
      { path: 'other.txt', line: 5, key: 'E3' },
      { path: 'f.txt', line: 2, key: 'E2' },
    ];
    expect(introducedFindings(base, changed, change)).toEqual([
      { path: 'other.txt', line: 5, key: 'E3' },
      { path: 'f.txt', line: 2, key: 'E2' },
    ]);
  });

  it('treats a finding on a rewritten line as the same one when the hunk rewrote its base line', () => {
    expect(introducedFindings([{ path: 'f.txt', line: 3, key: 'E' }], [{ path: 'f.txt', line: 4, key: 'E' }], change)).toEqual([]);
    expect(introducedFindings([{ path: 'f.txt', line: 3, key: 'E' }], [{ path: 'f.txt', line: 7, key: 'E' }], change)).toHaveLength(1);
  });

  it('follows renames', () => {
    const renamed = parseDiff(['diff --git a/old.ts b/new.ts', 'similarity index 100%', 'rename from old.ts', 'rename to new.ts', ''].join('\n'), 'base');
    expect(introducedFindings([{ path: 'old.ts', line: 1, key: 'E' }], [{ path: 'new.ts', line: 1, key: 'E' }], renamed)).toEqual([]);
  });
});
