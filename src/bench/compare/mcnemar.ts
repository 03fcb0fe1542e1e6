/** The exact McNemar test on paired pass/fail outcomes: a two-sided binomial test on the discordant pairs. */

export interface McNemarResult {
  /** Pairs where only the first run passed. */
  onlyFirst: number;
  /** Pairs where only the second run passed. */
  onlySecond: number;
  /** Two-sided p-value; 1 when no pair is discordant. */
  p: number;
}

/** P(X <= k) for X ~ Binomial(n, 1/2), summed in log space so that large n does not underflow. */
export function binomialHalfCdf(k: number, n: number): number {
  let logPmf = n * Math.log(0.5);
  let total = 0;
  for (let i = 0; i <= k; i++) {
    total += Math.exp(logPmf);
    logPmf += Math.log((n - i) / (i + 1));
  }
  return Math.min(1, total);
}

/** Exact McNemar: p = min(1, 2 * P(X <= min(b, c))) with X ~ Binomial(b + c, 1/2). */
export function mcnemarExact(onlyFirst: number, onlySecond: number): McNemarResult {
  const n = onlyFirst + onlySecond;
  const p = n === 0 ? 1 : Math.min(1, 2 * binomialHalfCdf(Math.min(onlyFirst, onlySecond), n));
  return { onlyFirst, onlySecond, p };
}
