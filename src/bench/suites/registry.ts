/** The upstream suites `bench run <adapter>:<path>` can load, by adapter name. */
import type { SuiteAdapter } from '../types.ts';
import { multiplEAdapter } from './multipl-e/index.ts';
import { sweBenchAdapter } from './swe-bench/index.ts';
import { transcoderAdapter } from './transcoder/index.ts';

/** Adapters by the name used before the colon: `swe-bench:records.jsonl`, `multipl-e:prompts.jsonl`, `transcoder:folder`. */
export const suiteAdapters: Record<string, SuiteAdapter> = {
  'swe-bench': sweBenchAdapter,
  'multipl-e': multiplEAdapter,
  transcoder: transcoderAdapter,
};
