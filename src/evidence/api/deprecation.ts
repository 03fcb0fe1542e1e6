/** Reads `@deprecated` tags of symbols and resolved call signatures. */
import ts from 'typescript';

function deprecatedText(tags: readonly ts.JSDocTagInfo[]): string | undefined {
  const tag = tags.find((entry) => entry.name === 'deprecated');
  if (!tag) return undefined;
  // Messages are one line; the first line of the tag says what to use instead.
  return (ts.displayPartsToString(tag.text).trim().split('\n')[0] ?? '').trim();
}

/** The `@deprecated` text of a symbol (aliases followed), '' when deprecated without text, undefined when not deprecated. */
export function symbolDeprecation(checker: ts.TypeChecker, symbol: ts.Symbol): string | undefined {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  try {
    return deprecatedText(target.getJsDocTags(checker));
  } catch {
    return undefined;
  }
}

/** The `@deprecated` text of the overload a call resolves to, so that one deprecated overload does not taint the others. */
export function callDeprecation(checker: ts.TypeChecker, call: ts.CallLikeExpression): string | undefined {
  const signature = checker.getResolvedSignature(call);
  if (!signature?.declaration) return undefined;
  return deprecatedText(signature.getJsDocTags());
}
