import { expect, test } from 'vitest';
import { identifierParts, indexTerms, matchExpression, queryTerms } from './tokenize.ts';

test('identifiers split on camelCase, acronyms, snake_case and digits', () => {
  expect(identifierParts('parseHTTPRequest')).toEqual(['parse', 'http', 'request']);
  expect(identifierParts('get_user_id2')).toEqual(['get', 'user', 'id', '2']);
  expect(identifierParts('XMLParser')).toEqual(['xml', 'parser']);
  expect(identifierParts('$scope')).toEqual(['scope']);
});

test('index terms keep the whole identifier and add its parts, without stop words', () => {
  expect(indexTerms('const parseConfig = (x) => load_file(x); // Reads the config')).toEqual([
    'parseconfig',
    'parse',
    'config',
    'load_file',
    'load',
    'file',
    'reads',
    'config',
  ]);
});

test('query terms are distinct and quoted safely for FTS5', () => {
  expect(queryTerms('parseConfig parse "quoted"')).toEqual(['parseconfig', 'parse', 'config', 'quoted']);
  expect(matchExpression(['a"b', 'c'])).toBe('"a""b" OR "c"');
});
