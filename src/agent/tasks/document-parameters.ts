/** Compares the parameters a doc comment names with the ones a function declares: all present, none extra, same order. */

const quote = (name: string) => `\`${name}\``;

/**
 * Problems with `documented` against `declared`, in declaration order; `null` in `declared` is a destructured
 * parameter, which a doc comment may name as it likes. Empty when the two agree.
 */
export function parameterProblems(documented: readonly string[], declared: readonly (string | null)[], tag: string): string[] {
  const agrees = documented.length === declared.length && declared.every((name, index) => name === null || name === documented[index]);
  if (agrees) return [];
  const named = declared.filter((name): name is string => name !== null);
  if (documented.length === 0) return [`no ${tag} for the parameter${named.length === 1 ? '' : 's'} ${declared.map((name) => quote(name ?? '(destructured)')).join(', ')}`];
  const problems: string[] = [];
  const missing = named.filter((name) => !documented.includes(name));
  const unnamed = declared.length - named.length;
  const extra = documented.filter((name) => !named.includes(name)).slice(unnamed);
  if (missing.length > 0) problems.push(`no ${tag} for ${missing.map(quote).join(', ')}`);
  if (extra.length > 0) problems.push(`${tag} ${extra.map(quote).join(', ')} ${extra.length === 1 ? 'names no parameter' : 'name no parameters'} of the function`);
  if (problems.length === 0) {
    problems.push(`${tag} tags are in the order ${documented.map(quote).join(', ')}, but the parameters are ${declared.map((name) => quote(name ?? '(destructured)')).join(', ')}`);
  }
  return problems;
}
