import { describe, expect, it } from 'vitest';
import { editDistance, nameParts, rankSimilarNames, similarity } from './similar-names.ts';

describe('similar names', () => {
  it('measures edit distance', () => {
    expect(editDistance('dumpz', 'dumps')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('splits identifiers into words', () => {
    expect(nameParts('emailAddress')).toEqual(['email', 'address']);
    expect(nameParts('parse_JSON2')).toEqual(['parse', 'json', '2']);
    expect(nameParts('XMLHttpRequest')).toEqual(['xml', 'http', 'request']);
  });

  it('finds a name by a shared word when the spelling is far', () => {
    expect(similarity('emailAddress', 'email')).toBeGreaterThanOrEqual(0.5);
    expect(similarity('emailAddress', 'emoji')).toBeLessThan(0.5);
  });

  it('ranks deprecated names below current ones and drops weak matches', () => {
    const ranked = rankSimilarNames('emailAddress', [
      { name: 'email', prefix: 'z.string().', deprecated: true },
      { name: 'email', prefix: 'z.' },
      { name: 'number', prefix: 'z.' },
    ]);
    expect(ranked.map((entry) => `${entry.prefix}${entry.name}`)).toEqual(['z.email', 'z.string().email']);
  });
});
