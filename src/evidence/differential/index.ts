/** Differential testing: the base and changed versions of each changed exported function on the same inputs. */
export { createDifferentialProvider, type DifferentialOptions } from './provider.ts';
export { compareBehaviour, type BehaviourOptions, type BehaviourResult, type BehaviourTarget } from './compare-behaviour.ts';
export { createHarness, type Harness, type HarnessOptions } from './harness-client.ts';
export { harvestInputs, listTestFiles, type HarvestOptions, type HarvestRequest } from './harvest-inputs.ts';
export { planTargets, type PlannedFunction, type SkippedHunk } from './plan-targets.ts';
export type { ParameterShape, PropertyShape, Shape } from './shape.ts';
export type { EncodedValue } from './codec.ts';
export type { CallOutcome } from './protocol.ts';
