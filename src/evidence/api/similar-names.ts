/** Ranks the real names closest to a missing one, by edit distance and by shared name parts (`emailAddress` ~ `email`). */

/** A name that exists, with what makes it a better or worse suggestion. */
export interface NameCandidate {
  name: string;
  /** Shown as `prefix.name`, e.g. `z.` or `z.string().`. */
  prefix?: string;
  deprecated?: boolean;
}

/** A candidate with its score in [0, 1]. */
export type RankedName<T extends NameCandidate = NameCandidate> = T & { score: number; deprecated: boolean };

function isUpper(char: string): boolean {
  return char !== char.toLowerCase();
}

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The lower-case words of an identifier: `emailAddress` → email, address; `parse_JSON2` → parse, json, 2. */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+|(?<=[A-Za-z])(?=[0-9])/)
    .map((part) => part.toLowerCase())
    .filter((part) => part.length > 0);
}

/** How close `candidate` is to `missing`: the better of spelling similarity and shared words. */
export function similarity(missing: string, candidate: string): number {
  const a = missing.toLowerCase();
  const b = candidate.toLowerCase();
  if (a === b) return 1;
  const spelling = 1 - editDistance(a, b) / Math.max(a.length, b.length);
  const missingParts = nameParts(missing);
  const candidateParts = new Set(nameParts(candidate));
  // Short words ("to", "get", "is") say little about meaning; only longer shared words count.
  const shared = missingParts.filter((part) => part.length > 2 && candidateParts.has(part)).length;
  const parts = shared === 0 ? 0 : 0.3 + (0.6 * shared) / Math.max(missingParts.length, candidateParts.size);
  return Math.max(spelling, parts);
}

/**
 * The `limit` best candidates scoring at least `threshold`; deprecated names rank lower, duplicates go.
 * `isDeprecated` and `penalty` (subtracted from the score) are asked only about close candidates, so they may be costly.
 */
export function rankSimilarNames<T extends NameCandidate>(
  missing: string,
  candidates: readonly T[],
  options: { limit?: number; threshold?: number; isDeprecated?: (candidate: T) => boolean; penalty?: (candidate: T) => number } = {},
): RankedName<T>[] {
  const { limit = 3, threshold = 0.5, isDeprecated = (candidate: T) => candidate.deprecated === true, penalty = () => 0 } = options;
  const seen = new Set<string>();
  const ranked: RankedName<T>[] = [];
  for (const candidate of candidates) {
    const key = `${candidate.prefix ?? ''}${candidate.name}`;
    if (candidate.name === missing || seen.has(key) || candidate.name.startsWith('__')) continue;
    seen.add(key);
    const closeness = similarity(missing, candidate.name);
    if (closeness < threshold) continue;
    const deprecated = isDeprecated(candidate);
    // A change of case in the first letter usually means another kind of thing (`ZodEmail` the class, `email` the function).
    const kind = missing[0] !== undefined && candidate.name[0] !== undefined && isUpper(missing[0]) !== isUpper(candidate.name[0]) ? 0.05 : 0;
    ranked.push({ ...candidate, deprecated, score: closeness - (deprecated ? 0.15 : 0) - kind - penalty(candidate) });
  }
  // Penalties may push a close spelling below what is worth showing.
  const shown = ranked.filter((entry) => entry.score >= threshold - 0.1);
  shown.sort((a, b) => b.score - a.score || Math.abs(a.name.length - missing.length) - Math.abs(b.name.length - missing.length) || (a.name < b.name ? -1 : 1));
  return shown.slice(0, limit);
}
