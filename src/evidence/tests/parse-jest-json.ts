/** Reads the JSON report that jest writes with `--json` and vitest with `--reporter=json` (the same shape). */
import { relative, resolve } from 'node:path';
import { parseJson } from '../../core/result.ts';
import { trimFailure } from './failure-message.ts';
import type { OutcomeCollector } from './outcome-collector.ts';
import type { TestStatus } from './types.ts';

interface AssertionResult {
  ancestorTitles?: string[];
  title?: string;
  status?: string;
  failureMessages?: string[];
}

interface FileResult {
  name?: string;
  status?: string;
  message?: string;
  assertionResults?: AssertionResult[];
}

function statusOf(status: string | undefined): TestStatus {
  if (status === 'passed') return 'pass';
  if (status === 'failed') return 'fail';
  return 'skip';
}

/** Feeds `collector` from the report text; returns false when the text is not such a report. */
export function parseJestJson(text: string, dir: string, collector: OutcomeCollector): boolean {
  const parsed = parseJson(text);
  if (!parsed.success || typeof parsed.value !== 'object' || parsed.value === null) return false;
  const results = (parsed.value as { testResults?: unknown }).testResults;
  if (!Array.isArray(results)) return false;
  for (const result of results as FileResult[]) {
    const file = relative(dir, resolve(dir, result.name ?? '')).split('\\').join('/');
    const assertions = result.assertionResults ?? [];
    for (const assertion of assertions) {
      const status = statusOf(assertion.status);
      const name = [...(assertion.ancestorTitles ?? []), assertion.title ?? ''].join(' > ');
      const message = status === 'fail' ? trimFailure((assertion.failureMessages ?? []).join('\n')) : '';
      collector.add({ file, name, status, ...(message ? { message } : {}) });
    }
    // A file that fails outside any test (import error, syntax error) has a message and no failed test.
    const failedTest = assertions.some((assertion) => assertion.status === 'failed');
    if (result.status === 'failed' && !failedTest) {
      collector.add({ file, name: '(file)', status: 'fail', message: trimFailure(result.message) || 'the test file failed to run' });
    }
  }
  return true;
}
