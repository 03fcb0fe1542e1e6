import { describe, expect, it } from 'vitest';
import { camelToSnake, snakeToCamel, translatedName } from './names.ts';

describe('names across languages', () => {
  it('turns snake_case into camelCase, keeping acronyms and digits', () => {
    expect(snakeToCamel('running_total')).toBe('runningTotal');
    expect(snakeToCamel('parse_HTTP_header')).toBe('parseHTTPHeader');
    expect(snakeToCamel('to_2d')).toBe('to2d');
    expect(snakeToCamel('type_')).toBe('type');
    expect(snakeToCamel('mean')).toBe('mean');
  });

  it('turns camelCase into snake_case, splitting acronyms from words', () => {
    expect(camelToSnake('runningTotal')).toBe('running_total');
    expect(camelToSnake('parseHTTPHeader')).toBe('parse_http_header');
    expect(camelToSnake('toJSON')).toBe('to_json');
    expect(camelToSnake('sum2d')).toBe('sum2d');
  });

  it('maps names only when Python is on exactly one side', () => {
    expect(translatedName('running_total', 'python', 'typescript')).toBe('runningTotal');
    expect(translatedName('runningTotal', 'javascript', 'python')).toBe('running_total');
    expect(translatedName('runningTotal', 'javascript', 'typescript')).toBe('runningTotal');
  });
});
