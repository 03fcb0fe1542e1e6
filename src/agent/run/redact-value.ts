/** Passes every string inside a JSON-like value through a redactor, and makes the value safe to serialise. */
import type { Redactor } from './run-record.ts';

const maxDepth = 32;

/**
 * A copy of `value` in which every string (object keys excepted) went through `redact`; errors
 * become `{ name, message }`, bigints strings, functions and symbols are dropped, cycles and
 * nesting deeper than 32 levels become `"[cycle]"` and `"[too deep]"`. Returns how many values
 * the redactor replaced.
 */
export function redactValue(value: unknown, redact: Redactor): { value: unknown; count: number } {
  let count = 0;
  const seen = new Set<object>();
  const visit = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') {
      const result = redact(item);
      count += result.count;
      return result.text;
    }
    if (typeof item === 'bigint') return item.toString();
    if (typeof item === 'function' || typeof item === 'symbol') return undefined;
    if (item === null || typeof item !== 'object') return item;
    if (seen.has(item)) return '[cycle]';
    if (depth >= maxDepth) return '[too deep]';
    seen.add(item);
    try {
      if (item instanceof Error) return { name: visit(item.name, depth + 1), message: visit(item.message, depth + 1) };
      if (Array.isArray(item)) return item.map((entry) => visit(entry, depth + 1) ?? null);
      if (item instanceof Map) return visit(Object.fromEntries(item), depth);
      if (item instanceof Set) return visit([...item], depth);
      if (item instanceof Date) return item.toISOString();
      const copy: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(item)) {
        const visited = visit(entry, depth + 1);
        if (visited !== undefined) copy[key] = visited;
      }
      return copy;
    } finally {
      seen.delete(item);
    }
  };
  return { value: visit(value, 0), count };
}
