/** Build evidence: the changed files parse, the project type-checks with its own TypeScript, Python compiles; new errors only. */
export { createBuildProvider, type BuildProviderOptions } from './build-provider.ts';
export { changedFiles, hunkAt, mapOldLine, type ChangedFile } from './hunk-lines.ts';
export { introducedFindings, type LocatedFinding } from './new-findings.ts';
export { findCoveringConfigs, type ConfigCoverage } from './find-tsconfig.ts';
export { findInstalledPackage, type InstalledPackage } from './installed-package.ts';
