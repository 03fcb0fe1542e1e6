/** The Mann–Whitney U test with the normal approximation, tie correction and continuity correction (as scipy's asymptotic method). */
import { normalCdf } from './statistics.ts';

/** The test's statistic and p-values for the three alternatives. */
export interface MannWhitneyResult {
  /** U of the first sample: how many (first, second) pairs have the first value larger, ties counting one half. */
  u: number;
  /** The standardised statistic without continuity correction (0 when every value is tied). */
  z: number;
  /** Alternative "the first sample tends to be smaller". */
  pLess: number;
  /** Alternative "the first sample tends to be larger". */
  pGreater: number;
  pTwoSided: number;
}

/** Average ranks (1-based) of `values`, with the tie term Σ(t³ − t) over groups of equal values. */
function ranks(values: readonly number[]): { ranks: number[]; ties: number } {
  const order = values.map((value, index) => ({ value, index })).sort((left, right) => left.value - right.value);
  const result = new Array<number>(values.length);
  let ties = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let position = start; position <= end; position++) result[order[position]!.index] = rank;
    const size = end - start + 1;
    ties += size ** 3 - size;
    start = end + 1;
  }
  return { ranks: result, ties };
}

/** Compares two independent samples; both must be non-empty. */
export function mannWhitneyU(first: readonly number[], second: readonly number[]): MannWhitneyResult {
  const n1 = first.length;
  const n2 = second.length;
  if (n1 === 0 || n2 === 0) return { u: Number.NaN, z: 0, pLess: 1, pGreater: 1, pTwoSided: 1 };
  const { ranks: all, ties } = ranks([...first, ...second]);
  const rankSum = all.slice(0, n1).reduce((sum, rank) => sum + rank, 0);
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1)));
  if (variance <= 0) return { u, z: 0, pLess: 1, pGreater: 1, pTwoSided: 1 };
  const deviation = Math.sqrt(variance);
  const pGreater = 1 - normalCdf((u - mean - 0.5) / deviation);
  const pLess = normalCdf((u - mean + 0.5) / deviation);
  const pTwoSided = Math.min(1, 2 * (1 - normalCdf((Math.abs(u - mean) - 0.5) / deviation)));
  return { u, z: (u - mean) / deviation, pLess, pGreater, pTwoSided };
}
