import { beforeAll, describe, expect, it } from 'vitest';
import { extractFacts } from '../parse/extract.ts';
import { loadGrammar } from '../parse/grammars.ts';
import { buildChunks } from './chunks.ts';

beforeAll(async () => {
  await loadGrammar('typescript');
});

const chunksOf = (source: string) => buildChunks(source, extractFacts('src/a.ts', 'typescript', source)).map(({ startLine, endLine, names, body }) => ({ startLine, endLine, names, body }));

describe('buildChunks', () => {
  it('cuts a file into its top-level definitions (members included) and the lines between them', () => {
    const source = [
      "import { readFile } from 'node:fs';",
      '',
      'export class PriceList {',
      '  totalPrice(items: number[]) {',
      '    return items.length;',
      '  }',
      '}',
      'const fallbackRate = 3;',
      'export function parseHTTPRequest(raw: string) { return raw; }',
    ].join('\n');
    expect(chunksOf(source)).toEqual([
      { startLine: 1, endLine: 2, names: '', body: 'readfile read file node fs' },
      { startLine: 3, endLine: 7, names: 'pricelist price list totalprice total price', body: 'pricelist price list totalprice total price items items length' },
      { startLine: 8, endLine: 8, names: 'fallbackrate fallback rate', body: 'fallbackrate fallback rate' },
      { startLine: 9, endLine: 9, names: 'parsehttprequest parse http request', body: 'parsehttprequest parse http request raw raw' },
    ]);
  });

  it('keeps the last lines after a final newline and splits long stretches without definitions', () => {
    const statements = Array.from({ length: 70 }, (_, index) => `console.log(value${index});`);
    const chunks = chunksOf(`${statements.join('\n')}\n`);
    expect(chunks.map(({ startLine, endLine }) => [startLine, endLine])).toEqual([
      [1, 60],
      [61, 71],
    ]);
    expect(chunks[1]!.body.split(' ').slice(0, 3)).toEqual(['console', 'log', 'value60']);
    expect(chunks[1]!.body.split(' ').slice(-3)).toEqual(['value69', 'value', '69']);
  });
});
