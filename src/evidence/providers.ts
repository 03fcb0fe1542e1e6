/** The kinds of evidence `check` runs, in order: later kinds build on earlier ones (mutation on tests). */
import type { EvidenceProvider } from './types.ts';
import { createBuildProvider } from './build/index.ts';
import { createLintProvider } from './lint/index.ts';
import { createDifferentialProvider } from './differential/index.ts';

/** Every provider with its default options. */
export function defaultProviders(): EvidenceProvider[] {
  return [createBuildProvider(), createLintProvider(), createDifferentialProvider()];
}
