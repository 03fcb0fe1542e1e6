/** Lint evidence: the project's own linter, new findings only. */
export { createLintProvider } from './lint-provider.ts';
export { detectLinters, type DetectedLinter } from './detect-linter.ts';
export type { LintFinding } from './lint-finding.ts';
