/** `index --watch`: keeps the index current while files change, re-indexing incrementally. */
import { watch } from 'node:fs';
import { indexRepository, resolveRoot } from './run-index.ts';
import type { IndexOptions } from './run-index.ts';
import type { IndexSummary } from './summary.ts';

const quietMs = 150;
const ignoredPrefixes = ['.codewright/', 'node_modules/', '.git/'];

/**
 * Indexes `path`, then watches it and re-indexes after each burst of changes until `signal` aborts
 * (or SIGINT). The watcher starts before the first run, so no change falls between the two.
 * Changes under `.git/` (commits, checkouts) re-mine history and scan everything; other changes skip
 * history and look at the changed paths only, as long as the index holds them.
 */
export async function watchRepository(
  path: string,
  options: IndexOptions,
  onUpdate: (summary: IndexSummary, first: boolean) => void,
  signal?: AbortSignal,
): Promise<void> {
  const root = resolveRoot(path);
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop, { once: true });
  process.once('SIGINT', stop);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let historyChanged = true;
  let first = true;
  let pending = false;
  // The paths changed since the last run: only they are looked at (see IndexOptions.changedPaths),
  // unless an event named no path or git moved HEAD (a checkout), when everything is scanned.
  let changed: Set<string> | undefined;
  const run = () => {
    const history = historyChanged && options.history !== false;
    const changedPaths = first || historyChanged || !changed ? undefined : [...changed];
    historyChanged = false;
    pending = false;
    changed = new Set();
    const isFirst = first;
    const runOptions = { ...options, history, rebuild: isFirst && Boolean(options.rebuild), ...(changedPaths ? { changedPaths } : {}) };
    first = false;
    running = running
      .then(() => indexRepository(root, runOptions))
      .then(
        (summary) => onUpdate(summary, isFirst),
        (error: unknown) => {
          if (isFirst) throw error;
          options.logger?.error(`index --watch: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
  };
  const watcher = watch(root, { recursive: true, signal: controller.signal }, (_event, filename) => {
    const name = String(filename ?? '').split('\\').join('/');
    if (name.startsWith('.git/')) {
      if (/^\.git\/(HEAD|refs\/|packed-refs)/.test(name)) historyChanged = true;
      else return;
    } else if (ignoredPrefixes.some((prefix) => name.startsWith(prefix))) return;
    else if (name === '') changed = undefined;
    else changed?.add(name);
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(run, quietMs);
  });
  run();
  try {
    await running;
  } catch (error) {
    controller.abort();
    throw error;
  }
  await new Promise<void>((resolve) => {
    controller.signal.addEventListener('abort', () => resolve(), { once: true });
    watcher.on('error', () => resolve());
  });
  clearTimeout(timer);
  if (pending) run();
  await running;
  process.off('SIGINT', stop);
}
