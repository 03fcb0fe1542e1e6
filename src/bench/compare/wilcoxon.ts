/** The Wilcoxon signed-rank test on paired differences: exact for up to 50 non-zero pairs, else the normal approximation. */

export interface WilcoxonResult {
  /** Non-zero differences used (zeros are dropped, Wilcoxon's method). */
  n: number;
  /** Sum of the ranks of positive differences (second run larger). */
  wPlus: number;
  wMinus: number;
  /** Two-sided p-value; 1 when every difference is zero. */
  p: number;
  method: 'exact' | 'normal';
}

/** Average ranks (1-based) of `values`, ties sharing the mean of their positions. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    for (let position = start; position <= end; position++) ranks[order[position]!.index] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

// erfc by the Chebyshev fit of Numerical Recipes (relative error below 1.2e-7).
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

// The exact null distribution of W+ over doubled ranks (ties make half ranks), each sign with probability 1/2.
function exactP(doubledRanks: readonly number[], doubledWPlus: number): number {
  const max = doubledRanks.reduce((sum, rank) => sum + rank, 0);
  let distribution = new Float64Array(max + 1);
  distribution[0] = 1;
  for (const rank of doubledRanks) {
    const next = new Float64Array(max + 1);
    for (let sum = 0; sum <= max; sum++) {
      const probability = distribution[sum]!;
      if (probability === 0) continue;
      next[sum] = next[sum]! + probability / 2;
      next[sum + rank] = next[sum + rank]! + probability / 2;
    }
    distribution = next;
  }
  let lower = 0;
  let upper = 0;
  for (let sum = 0; sum <= max; sum++) {
    if (sum <= doubledWPlus + 1e-9) lower += distribution[sum]!;
    if (sum >= doubledWPlus - 1e-9) upper += distribution[sum]!;
  }
  return Math.min(1, 2 * Math.min(lower, upper));
}

/** Two-sided Wilcoxon signed-rank test of `differences` (second minus first) against a median of zero. */
export function wilcoxonSignedRank(differences: readonly number[]): WilcoxonResult {
  const nonZero = differences.filter((difference) => difference !== 0 && Number.isFinite(difference));
  const n = nonZero.length;
  if (n === 0) return { n: 0, wPlus: 0, wMinus: 0, p: 1, method: 'exact' };
  const ranks = averageRanks(nonZero.map(Math.abs));
  const wPlus = ranks.reduce((sum, rank, index) => sum + (nonZero[index]! > 0 ? rank : 0), 0);
  const wMinus = (n * (n + 1)) / 2 - wPlus;
  if (n <= 50) return { n, wPlus, wMinus, p: exactP(ranks.map((rank) => Math.round(rank * 2)), Math.round(wPlus * 2)), method: 'exact' };
  const ties = new Map<number, number>();
  for (const rank of ranks) ties.set(rank, (ties.get(rank) ?? 0) + 1);
  const tieCorrection = [...ties.values()].reduce((sum, t) => sum + (t ** 3 - t), 0) / 48;
  const mean = (n * (n + 1)) / 4;
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieCorrection);
  const z = (Math.abs(wPlus - mean) - 0.5) / sd;
  return { n, wPlus, wMinus, p: Math.min(1, erfc(Math.max(0, z) / Math.SQRT2)), method: 'normal' };
}
