/** Turns the JSON lines of codewright's node:test reporter into test outcomes with full names. */
import { relative, resolve } from 'node:path';
import { parseJson } from '../../core/result.ts';
import { errorLine, trimFailure } from './failure-message.ts';
import type { OutcomeCollector } from './outcome-collector.ts';

interface ReporterLine {
  event: 'start' | 'pass' | 'fail' | 'stderr';
  file?: string;
  name?: string;
  nesting?: number;
  kind?: string;
  skip?: boolean;
  message?: string;
}

/** Feeds `collector` from the reporter output of a run in `dir`. */
export function parseNodeTestEvents(text: string, dir: string, collector: OutcomeCollector): void {
  const stacks = new Map<string, string[]>();
  const stderr = new Map<string, string>();
  const fileOf = (file: string | undefined) => relative(dir, resolve(dir, file ?? '')).split('\\').join('/');
  for (const raw of text.split('\n')) {
    const parsed = raw.trim() ? parseJson(raw) : undefined;
    if (!parsed?.success || typeof parsed.value !== 'object' || parsed.value === null) continue;
    const line = parsed.value as ReporterLine;
    const file = fileOf(line.file);
    if (line.event === 'stderr') {
      stderr.set(file, (stderr.get(file) ?? '') + (line.message ?? ''));
      continue;
    }
    const nesting = line.nesting ?? 0;
    const stack = stacks.get(file) ?? [];
    stacks.set(file, stack);
    // A file that fails to load is reported as one test named after the file.
    const fileLevel = nesting === 0 && (line.name === file || resolve(dir, line.name ?? '') === resolve(dir, file));
    const name = fileLevel ? '(file)' : [...stack.slice(0, nesting), line.name ?? ''].join(' > ');
    if (line.event === 'start') {
      stack.length = nesting;
      stack.push(line.name ?? '');
      collector.start(file, name);
    } else if (line.kind === 'suite') {
      collector.end(file, name);
    } else {
      const status = line.skip ? 'skip' : line.event === 'pass' ? 'pass' : 'fail';
      let message = status === 'fail' ? trimFailure(line.message) : undefined;
      if (fileLevel && status === 'fail') message = errorLine(stderr.get(file) ?? '') ?? message;
      collector.add({ file, name, status, ...(message ? { message } : {}) });
    }
  }
}
