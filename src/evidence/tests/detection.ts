/** The outcome of looking for a test runner of one language in a worktree. */
import type { TestRunner } from './types.ts';

/** Found and ready, configured but not runnable here, or not there at all; reasons say what to do. */
export type RunnerDetection =
  | { status: 'found'; runner: TestRunner }
  | { status: 'unavailable'; language: TestRunner['language']; reason: string }
  | { status: 'none'; language: TestRunner['language']; reason: string };
