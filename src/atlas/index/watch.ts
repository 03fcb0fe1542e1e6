/** `index --watch`: keeps the index current while files change, re-indexing incrementally. */
import { watch } from 'node:fs';
import { indexRepository, resolveRoot } from './run-index.ts';
import type { IndexOptions } from './run-index.ts';
import type { IndexSummary } from './summary.ts';

const quietMs = 150;
const ignoredPrefixes = ['.codewright/', 'node_modules/', '.git/'];

/**
 * Watches `path` and re-indexes after each burst of changes until `signal` aborts (or SIGINT).
 * Changes under `.git/` (commits, checkouts) re-mine history; other changes skip it.
 */
export async function watchRepository(
  path: string,
  options: IndexOptions,
  onUpdate: (summary: IndexSummary) => void,
  signal?: AbortSignal,
): Promise<void> {
  const root = resolveRoot(path);
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop, { once: true });
  process.once('SIGINT', stop);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let historyChanged = false;
  let pending = false;
  const run = () => {
    const history = historyChanged && options.history !== false;
    historyChanged = false;
    pending = false;
    running = running
      .then(() => indexRepository(root, { ...options, history, rebuild: false }))
      .then(onUpdate, (error: unknown) => options.logger?.error(`index --watch: ${error instanceof Error ? error.message : String(error)}`));
  };
  const watcher = watch(root, { recursive: true, signal: controller.signal }, (_event, filename) => {
    const name = String(filename ?? '').split('\\').join('/');
    if (name.startsWith('.git/')) {
      if (/^\.git\/(HEAD|refs\/|packed-refs)/.test(name)) historyChanged = true;
      else return;
    } else if (ignoredPrefixes.some((prefix) => name.startsWith(prefix))) return;
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(run, quietMs);
  });
  await new Promise<void>((resolve) => {
    controller.signal.addEventListener('abort', () => resolve(), { once: true });
    watcher.on('error', () => resolve());
  });
  clearTimeout(timer);
  if (pending) run();
  await running;
  process.off('SIGINT', stop);
}
