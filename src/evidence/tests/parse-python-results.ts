/** Reads the JSON lines the Python bootstrap writes while pytest or unittest runs. */
import { parseJson } from '../../core/result.ts';
import { trimFailure } from './failure-message.ts';
import type { OutcomeCollector } from './outcome-collector.ts';
import type { TestStatus } from './types.ts';

const statuses = new Set<TestStatus>(['pass', 'fail', 'skip']);

/** Feeds `collector` from the bootstrap's results file text. */
export function parsePythonResults(text: string, collector: OutcomeCollector): void {
  for (const raw of text.split('\n')) {
    const parsed = raw.trim() ? parseJson(raw) : undefined;
    if (!parsed?.success || typeof parsed.value !== 'object' || parsed.value === null) continue;
    const line = parsed.value as { event?: string; file?: string; name?: string; status?: TestStatus; message?: string };
    if (typeof line.file !== 'string' || typeof line.name !== 'string') continue;
    if (line.event === 'start') collector.start(line.file, line.name);
    else if (line.event === 'result' && line.status && statuses.has(line.status)) {
      const message = line.status === 'fail' ? trimFailure(line.message) : '';
      collector.add({ file: line.file, name: line.name, status: line.status, ...(message ? { message } : {}) });
    }
  }
}
