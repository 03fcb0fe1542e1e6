/** Cuts a file into full-text chunks: one per top-level definition, and the lines between them. */
import type { FileFacts } from '../facts.ts';
import { lineStarts } from '../../core/line-starts.ts';
import { indexTerms } from './tokenize.ts';

/** One full-text row: lines of a file with their terms. */
export interface Chunk {
  startLine: number;
  endLine: number;
  /** Index into facts.symbols of the definition the chunk is, or -1. */
  symbol: number;
  /** Space-separated terms of the names defined in the chunk. */
  names: string;
  /** Space-separated terms of the doc comments in the chunk. */
  docs: string;
  /** Space-separated terms of the chunk's code and comments. */
  body: string;
}

/** Longest chunk for code outside definitions, so that a hit points near its lines. */
const gapChunkLines = 60;

/** Groups every definition under its top-level ancestor (itself when top-level). */
function membersByTopLevel(facts: FileFacts): Map<number, FileFacts['symbols']> {
  const top = new Map<number, number>();
  const ancestorOf = (index: number): number => {
    const known = top.get(index);
    if (known !== undefined) return known;
    const parent = facts.symbols[index]?.parent ?? -1;
    const ancestor = parent === -1 || parent === index ? index : ancestorOf(parent);
    top.set(index, ancestor);
    return ancestor;
  };
  const groups = new Map<number, FileFacts['symbols']>();
  facts.symbols.forEach((symbol, index) => {
    const ancestor = ancestorOf(index);
    const group = groups.get(ancestor);
    if (group) group.push(symbol);
    else groups.set(ancestor, [symbol]);
  });
  return groups;
}

/** Builds the chunks of a file from its text and facts (and its `lineStarts`, when known). */
export function buildChunks(source: string, facts: FileFacts, starts: readonly number[] = lineStarts(source)): Chunk[] {
  // A chunk's text is one slice of the source rather than its lines split and joined.
  const lineCount = starts.length;
  /** Lines `from` to `to` (1-based, inclusive) without the newline that ends the last. */
  const text = (from: number, to: number) => (from > lineCount ? '' : source.slice(starts[from - 1], to < lineCount ? starts[to]! - 1 : source.length));
  const chunks: Chunk[] = [];
  const topLevel = facts.symbols
    .map((symbol, index) => ({ symbol, index }))
    .filter(({ symbol }) => symbol.parent === -1)
    .sort((a, b) => a.symbol.startLine - b.symbol.startLine);
  const pushGap = (from: number, to: number) => {
    for (let start = from; start <= to; start += gapChunkLines) {
      const end = Math.min(to, start + gapChunkLines - 1);
      const body = indexTerms(text(start, end));
      if (body.length > 0) chunks.push({ startLine: start, endLine: end, symbol: -1, names: '', docs: '', body: body.join(' ') });
    }
  };
  const members = membersByTopLevel(facts);
  let next = 1;
  for (const { symbol, index } of topLevel) {
    if (symbol.startLine < next) continue;
    pushGap(next, symbol.startLine - 1);
    const names: string[] = [];
    const docs: string[] = [];
    for (const inner of members.get(index) ?? []) {
      indexTerms(inner.name, names);
      if (inner.doc) indexTerms(inner.doc, docs);
    }
    const body = indexTerms(text(symbol.startLine, Math.min(symbol.endLine, lineCount)));
    chunks.push({
      startLine: symbol.startLine,
      endLine: symbol.endLine,
      symbol: index,
      names: names.join(' '),
      docs: docs.join(' '),
      body: body.join(' '),
    });
    next = symbol.endLine + 1;
  }
  pushGap(next, lineCount);
  return chunks;
}
