/** Reads mocha's JSON reporter output (`--reporter json`). */
import { relative, resolve } from 'node:path';
import { parseJson } from '../../core/result.ts';
import { trimFailure } from './failure-message.ts';
import type { OutcomeCollector } from './outcome-collector.ts';
import type { TestStatus } from './types.ts';

interface MochaTest {
  fullTitle?: string;
  title?: string;
  file?: string;
  err?: { message?: string };
}

/** Feeds `collector`; returns false when `text` holds no mocha report (output printed before it is skipped). */
export function parseMochaJson(text: string, dir: string, collector: OutcomeCollector): boolean {
  const start = text.indexOf('{\n  "stats"');
  const parsed = parseJson(start >= 0 ? text.slice(start) : text);
  if (!parsed.success || typeof parsed.value !== 'object' || parsed.value === null) return false;
  const report = parsed.value as { passes?: MochaTest[]; failures?: MochaTest[]; pending?: MochaTest[] };
  const groups: [MochaTest[] | undefined, TestStatus][] = [
    [report.passes, 'pass'],
    [report.failures, 'fail'],
    [report.pending, 'skip'],
  ];
  for (const [tests, status] of groups) {
    for (const test of tests ?? []) {
      const file = test.file ? relative(dir, resolve(dir, test.file)).split('\\').join('/') : '(unknown)';
      const message = status === 'fail' ? trimFailure(test.err?.message) : '';
      collector.add({ file, name: test.fullTitle ?? test.title ?? '', status, ...(message ? { message } : {}) });
    }
  }
  return true;
}
