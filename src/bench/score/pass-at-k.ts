/** pass@k with the unbiased estimator of Chen et al. (2021): 1 - C(n-c, k) / C(n, k), computed without large binomials. */

/**
 * The probability that at least one of k samples drawn without replacement from n (c of them correct) is correct.
 * Computed as 1 - prod_{i=n-c+1}^{n} (1 - k/i), which never forms a binomial coefficient. Throws for k > n.
 */
export function passAtK(n: number, c: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k) || n < 0 || c < 0 || c > n || k < 1) throw new RangeError(`pass@k needs whole numbers 0 <= c <= n and k >= 1 (n=${n}, c=${c}, k=${k})`);
  if (k > n) throw new RangeError(`pass@${k} needs at least ${k} samples, not ${n}`);
  if (n - c < k) return 1;
  let product = 1;
  for (let i = n - c + 1; i <= n; i++) product *= 1 - k / i;
  return 1 - product;
}
