/** API evidence: names a change newly imports, calls or accesses resolve in the repository or the dependency as installed. */
export { createApiProvider, type ApiProviderOptions } from './api-provider.ts';
export { rankSimilarNames, similarity, nameParts, type NameCandidate, type RankedName } from './similar-names.ts';
export { removalHints } from './removal-hints.ts';
