/** What checking one new name gives: it resolves (perhaps to something deprecated), it cannot be judged, or it is missing. */

/** The result of checking one import, call or member access. */
export type UseOutcome =
  | { status: 'resolved'; /** A full sentence when the name is marked deprecated. */ deprecation?: string }
  | { status: 'unchecked'; reason: string }
  | { status: 'missing'; message: string; data: Record<string, unknown> };

/** A checked name and where it is, for attributing evidence to a hunk. */
export interface CheckedUse {
  path: string;
  line: number;
  outcome: UseOutcome;
}

/** `; did you mean `a` or `b` (deprecated)?`, or '' without suggestions. */
export function suggestionPhrase(suggestions: ReadonlyArray<{ shown: string; deprecated?: boolean; note?: string }>): string {
  if (suggestions.length === 0) return '';
  const names = suggestions.map((entry) => `\`${entry.shown}\`${entry.deprecated ? ' (deprecated)' : ''}${entry.note ? ` (${entry.note})` : ''}`);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return `; did you mean ${list}?`;
}

/** Appends hints about other versions: ` (zod's CHANGELOG.md mentions …)`. */
export function hintPhrase(hints: readonly string[]): string {
  return hints.length === 0 ? '' : `. Another version may have it: ${hints.join('; ')}`;
}
