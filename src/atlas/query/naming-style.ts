/** Classifies identifiers and file names by naming style, and finds the dominant style of a list. */

export type NamingStyle = 'camelCase' | 'PascalCase' | 'snake_case' | 'kebab-case' | 'SCREAMING_CASE';

/** A style's share of the names that show a style (single lower-case words show none). */
export interface StyleShare {
  style: NamingStyle;
  share: number;
  /** Names that show a style. */
  names: number;
  example: string;
}

/** The style of one name, or undefined when it has none (`run`, `x1`) or mixes them. */
export function namingStyle(name: string): NamingStyle | undefined {
  const bare = name.replace(/^[_$]+|[_$]+$/g, '');
  if (/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(bare)) return 'kebab-case';
  if (/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(bare)) return 'snake_case';
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(bare)) return 'SCREAMING_CASE';
  if (/^[a-z][a-z0-9]*([A-Z][a-z0-9]*)+$/.test(bare)) return 'camelCase';
  if (/^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)*$/.test(bare) && /[a-z]/.test(bare)) return 'PascalCase';
  return undefined;
}

/** The base name of a file without its extensions: `src/parse-file.test.ts` -> `parse-file`. */
export function fileStem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.replace(/^\.+/, '').split('.')[0] ?? base;
}

/** Styles of `names` by share, most common first; empty when no name shows a style. */
export function styleShares(names: Iterable<string>): StyleShare[] {
  const counts = new Map<NamingStyle, { count: number; example: string }>();
  let total = 0;
  for (const name of names) {
    const style = namingStyle(name);
    if (!style) continue;
    total++;
    const entry = counts.get(style);
    if (entry) entry.count++;
    else counts.set(style, { count: 1, example: name });
  }
  return [...counts]
    .map(([style, { count, example }]) => ({ style, share: count / total, names: total, example }))
    .sort((a, b) => b.share - a.share || a.style.localeCompare(b.style));
}
