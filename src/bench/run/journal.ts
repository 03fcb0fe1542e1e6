/** The append-only journals of a bench run (`attempts.jsonl`, `scores.jsonl`): one complete JSON line per record. */
import { appendFileSync, existsSync, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs';
import { parseJson } from '../../core/result.ts';

function endsWithNewline(path: string): boolean {
  const size = statSync(path).size;
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, last, 0, 1, size - 1);
  } finally {
    closeSync(fd);
  }
  return last[0] === 0x0a;
}

/**
 * Appends `value` as one line, in one write. A process killed mid-write leaves a torn last line: the next
 * append starts on a new line, and readers skip the torn one, so a record is either whole or absent.
 */
export function appendRecord(path: string, value: unknown): void {
  const prefix = existsSync(path) && !endsWithNewline(path) ? '\n' : '';
  appendFileSync(path, `${prefix}${JSON.stringify(value)}\n`);
}

/** The records of a journal in order; torn or unreadable lines are skipped. Missing file: none. */
export function readRecords<T>(path: string, isRecord: (value: unknown) => value is T): T[] {
  if (!existsSync(path)) return [];
  const records: T[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const parsed = parseJson(line);
    if (parsed.success && isRecord(parsed.value)) records.push(parsed.value);
  }
  return records;
}
