/**
 * A shrinking pass after fast-check's: values that occur in several places (two equal numbers at a
 * boundary `a < b`) are replaced everywhere at once, which per-argument shrinking cannot do.
 */

type Leaf = number | string;

function mapLeaves(value: unknown, replace: (leaf: Leaf) => Leaf): unknown {
  if (typeof value === 'number' || typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((item) => mapLeaves(item, replace));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapLeaves(item, replace)]));
  }
  return value;
}

/** Distinct number and string leaves that occur more than once. */
function sharedLeaves(args: readonly unknown[]): Leaf[] {
  const counts: { leaf: Leaf; count: number }[] = [];
  mapLeaves(args, (leaf) => {
    const seen = counts.find((entry) => Object.is(entry.leaf, leaf));
    if (seen) seen.count += 1;
    else counts.push({ leaf, count: 1 });
    return leaf;
  });
  return counts.filter((entry) => entry.count > 1).map((entry) => entry.leaf);
}

/** Simpler stand-ins for a leaf, simplest first: shorter strings, smaller or whole numbers. */
function candidates(leaf: Leaf): Leaf[] {
  if (typeof leaf === 'string') {
    return [...new Set(['', leaf.slice(0, Math.floor(leaf.length / 2)), leaf.slice(0, -1)])].filter((text) => text.length < leaf.length);
  }
  if (!Number.isFinite(leaf) || leaf === 0) return [];
  const simpler = new Set([0, 1, -1, Math.trunc(leaf / 2), leaf - Math.sign(leaf), Math.trunc(leaf)]);
  return [...simpler].filter((value) => !Object.is(value, leaf) && (Math.abs(value) < Math.abs(leaf) || (Number.isInteger(value) && !Number.isInteger(leaf))));
}

/**
 * Replaces shared leaves by simpler values while `stillDifferent` holds; at most `budget` tries.
 * Returns the simplest arguments found (the input itself when nothing simpler differs).
 */
export async function jointShrink(args: unknown[], stillDifferent: (args: unknown[]) => Promise<boolean>, budget = 60): Promise<unknown[]> {
  let current = args;
  let tries = 0;
  for (let improved = true; improved && tries < budget; ) {
    improved = false;
    for (const leaf of sharedLeaves(current)) {
      for (const simpler of candidates(leaf)) {
        if (tries++ >= budget) return current;
        const next = mapLeaves(current, (other) => (Object.is(other, leaf) ? simpler : other)) as unknown[];
        if (await stillDifferent(next)) {
          current = next;
          improved = true;
          break;
        }
      }
      if (improved) break;
    }
  }
  return current;
}
