/** Identifier-aware tokenisation shared by indexing and queries: `parseHTTPRequest` -> parse http request. */

const wordPattern = /[\p{L}_$][\p{L}\p{N}_$]*|\p{N}+/gu;
const partPattern = /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+/gu;

/** Words too common in code to help ranking. */
export const stopWords = new Set(
  (
    'a an and are as at be by do else for from function if import in is it of on or return ' +
    'the this to var let const new export default class interface type public private protected static ' +
    'void null undefined true false self def end fn func pub use int string number boolean'
  ).split(' '),
);

/** Splits one identifier into lower-case parts: `getHTTPResponse_code` -> get, http, response, code. */
export function identifierParts(identifier: string): string[] {
  const parts: string[] = [];
  for (const piece of identifier.split(/[_$]+/)) {
    const matches = piece.match(partPattern);
    if (matches) for (const match of matches) parts.push(match.toLowerCase());
  }
  return parts;
}

/** Terms of each word seen lately: code repeats its identifiers, and splitting them is most of the cost. */
const wordTermCache = new Map<string, readonly string[]>();
const wordTermCacheLimit = 50_000;

function termsOfWord(word: string): readonly string[] {
  const cached = wordTermCache.get(word);
  if (cached !== undefined) return cached;
  const terms: string[] = [];
  const whole = word.toLowerCase().replace(/[$]/g, '_');
  if (whole.length >= 2 && !stopWords.has(whole)) {
    terms.push(whole);
    const parts = identifierParts(word);
    if (parts.length > 1) for (const part of parts) if (part.length > 1 && !stopWords.has(part)) terms.push(part);
  }
  if (wordTermCache.size >= wordTermCacheLimit) wordTermCache.clear();
  wordTermCache.set(word, terms);
  return terms;
}

/**
 * The terms of a text for the full-text index: each identifier lower-cased whole, followed by its
 * parts when it has more than one; stop words dropped.
 */
export function indexTerms(text: string, into: string[] = []): string[] {
  const words = text.match(wordPattern);
  if (!words) return into;
  for (const word of words) {
    const terms = termsOfWord(word);
    for (let index = 0; index < terms.length; index++) into.push(terms[index]!);
  }
  return into;
}

/** Distinct query terms of a user's text, identifiers whole and split. */
export function queryTerms(text: string): string[] {
  return [...new Set(indexTerms(text))];
}

/** Turns terms into an FTS5 MATCH expression: any term matches, BM25 ranks. */
export function matchExpression(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' OR ');
}
