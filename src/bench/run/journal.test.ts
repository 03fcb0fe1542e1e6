import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { appendRecord, readRecords } from './journal.ts';

const isEntry = (value: unknown): value is { n: number } => typeof (value as { n?: unknown }).n === 'number';
let folder: string | undefined;
afterEach(() => folder && rmSync(folder, { recursive: true, force: true }));

describe('journals', () => {
  test('a torn last line (a process killed mid-write) is skipped, and the next record starts on its own line', () => {
    folder = mkdtempSync(join(tmpdir(), 'codewright-journal-'));
    const path = join(folder, 'scores.jsonl');
    appendRecord(path, { n: 1 });
    appendFileSync(path, '{"n": 2, "tor');
    expect(readRecords(path, isEntry)).toEqual([{ n: 1 }]);
    appendRecord(path, { n: 3 });
    expect(readRecords(path, isEntry)).toEqual([{ n: 1 }, { n: 3 }]);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(4);
  });

  test('a missing journal has no records', () => {
    expect(readRecords(join(tmpdir(), 'codewright-no-such-journal.jsonl'), isEntry)).toEqual([]);
  });
});
