/** Mutation testing of changed lines: small faults the covering tests should catch. */
export { createMutationProvider, isMutationTestHooks, type MutationOptions } from './provider.ts';
export { makeMutants } from './make-mutants.ts';
export { selectMutants } from './select-mutants.ts';
export { runMutant } from './run-mutant.ts';
export { runMutants, type RunMutantsOptions } from './run-mutants.ts';
export { describeMutant } from './describe.ts';
export type { Mutant, MutantResult, MutantStatus, MutationOperator, MutationTestHooks } from './types.ts';
export { mutationHooksKey } from './types.ts';
