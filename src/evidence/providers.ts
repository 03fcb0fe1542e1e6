/** The kinds of evidence `check` runs, in order: later kinds build on earlier ones (mutation on tests and coverage). */
import type { EvidenceProvider } from './types.ts';
import { createBuildProvider } from './build/index.ts';
import { createLintProvider } from './lint/index.ts';
import { createApiProvider } from './api/index.ts';
import { createTestsProvider } from './tests/index.ts';
import { createCoverageProvider } from './coverage/index.ts';
import { createDifferentialProvider } from './differential/index.ts';
import { createMutationProvider } from './mutation/index.ts';
import { withMutationHooks } from './mutation-hooks.ts';

/** Every provider with its default options. Mutation runs last: it edits files of the change worktree in place. */
export function defaultProviders(): EvidenceProvider[] {
  return [
    createBuildProvider(),
    createLintProvider(),
    createApiProvider(),
    createTestsProvider(),
    createCoverageProvider(),
    createDifferentialProvider(),
    withMutationHooks(createMutationProvider()),
  ];
}
