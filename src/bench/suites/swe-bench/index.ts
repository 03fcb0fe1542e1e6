/** SWE-bench and Multi-SWE-bench repository issue tasks: records in, BenchTasks out (and mined fix tasks back out as records). */
import type { SuiteAdapter } from '../../types.ts';
import { type LoadedTasks, loadRecords } from './load-records.ts';
import type { RepositorySources } from './resolve-repository.ts';

/** The suite adapter; `doLoad` also takes a mirror folder, which wins over the one the adapter was made with. */
export interface SweBenchAdapter extends SuiteAdapter {
  doLoad(path: string, options: { limit?: number; mirror?: string }): Promise<LoadedTasks>;
}

/** The adapter with a mirror folder for `owner/name` repositories (else they are cloned from GitHub). */
export function createSweBenchAdapter(sources: RepositorySources = {}): SweBenchAdapter {
  return {
    specificationVersion: 'v1',
    name: 'swe-bench',
    doLoad: (path, options) => {
      const mirror = options.mirror ?? sources.mirror;
      return loadRecords(path, { ...(options.limit === undefined ? {} : { limit: options.limit }), ...(mirror ? { mirror } : {}) });
    },
  };
}

/** Reads SWE-bench JSONL (`instance_id`, `repo`, `base_commit`, `patch`, `test_patch`, `FAIL_TO_PASS`, …) and Multi-SWE-bench records. */
export const sweBenchAdapter = createSweBenchAdapter();

export type { IssueRecord } from './normalize-record.ts';
export { normalizeRecord } from './normalize-record.ts';
export { recordToTask, sweBenchSuiteName, taskIdOf } from './record-to-task.ts';
export type { RepositoryLocation, RepositorySources } from './resolve-repository.ts';
export { resolveRepository } from './resolve-repository.ts';
export type { SweBenchRecordOut } from './to-record.ts';
export { toSweBenchRecord } from './to-record.ts';
export type { PatchFile } from './patch-files.ts';
export { patchFiles } from './patch-files.ts';
export { languageOfPaths, tagsFromPatch } from './task-tags.ts';
export type { PackageManager } from './test-command.ts';
export { testCommandFor } from './test-command.ts';
export { packageManagerOf, setupCommandsFor } from './setup-commands.ts';
