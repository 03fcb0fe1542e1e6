/** The change input of `check`: parsing diffs, collecting the change, and the symbols its hunks touch. */
export type { ApplyFailure } from './apply-failure.ts';
export { describeApplyFailure } from './apply-failure.ts';
export type { CollectChangeOptions } from './collect-change.ts';
export { collectChange } from './collect-change.ts';
export type { DiffParseError } from './parse-diff.ts';
export { parseDiff } from './parse-diff.ts';
export type { TouchedSymbolsOptions } from './touched-symbols.ts';
export { findTouchedSymbols } from './touched-symbols.ts';
