/** Picks at most `cap` mutants, spread over hunks first, then over operators within a hunk. */
import type { Mutant, MutationOperator } from './types.ts';

/** Operators in the order that finds weak tests soonest: decisions first, literals last. */
const priority: MutationOperator[] = [
  'boundary',
  'equality',
  'logical',
  'negated-condition',
  'return-value',
  'removed-call',
  'arithmetic',
  'unary',
  'boolean-literal',
  'off-by-one',
];

function roundRobin<T>(groups: T[][]): T[] {
  const result: T[] = [];
  for (let round = 0; groups.some((group) => round < group.length); round += 1) {
    for (const group of groups) if (round < group.length) result.push(group[round]!);
  }
  return result;
}

/** Within one hunk: one mutant per operator in priority order, then the next of each, and so on. */
function spreadOverOperators(mutants: readonly Mutant[]): Mutant[] {
  return roundRobin(priority.map((operator) => mutants.filter((mutant) => mutant.operator === operator)));
}

/** The mutants to run, in run order. */
export function selectMutants(mutants: readonly Mutant[], cap: number): Mutant[] {
  const hunkIds = [...new Set(mutants.map((mutant) => mutant.hunkId))];
  const perHunk = hunkIds.map((hunkId) => spreadOverOperators(mutants.filter((mutant) => mutant.hunkId === hunkId)));
  return roundRobin(perHunk).slice(0, Math.max(0, cap));
}
