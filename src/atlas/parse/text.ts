/** Text helpers for extraction: line lookup by offset, one-line signatures, receiver text. */
import { lineIndexOf, lineStarts } from '../../core/line-starts.ts';

/** Finds 1-based lines and 0-based columns for UTF-16 offsets into a source. */
export class LineIndex {
  readonly starts: number[];
  #last = 0;

  /** `starts` when the caller has them already (`lineStarts(source)`). */
  constructor(source: string, starts: number[] = lineStarts(source)) {
    this.starts = starts;
  }

  /** Number of lines; a trailing newline does not start a new line. */
  lineCount(sourceLength: number): number {
    const count = this.starts.length;
    return count > 1 && this.starts[count - 1] === sourceLength ? count - 1 : count;
  }

  /** The 0-based row of an offset; fast for offsets that mostly increase. */
  row(offset: number): number {
    const starts = this.starts;
    let row = this.#last;
    if (offset >= starts[row]!) {
      // Walk forward a few lines before falling back to a binary search.
      for (let step = 0; step < 8; step++) {
        const next = starts[row + 1];
        if (next === undefined || offset < next) return (this.#last = row);
        row++;
      }
    }
    return (this.#last = lineIndexOf(starts, offset));
  }

  /** The 0-based column of an offset on a known row. */
  column(offset: number, row: number): number {
    return offset - this.starts[row]!;
  }
}

const maxSignature = 200;

/** Collapses whitespace to single spaces and caps the result at `max` characters. */
function oneLine(text: string, max = maxSignature): string {
  const collapsed = /\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
  return collapsed.length <= max ? collapsed : `${collapsed.slice(0, max - 1)}…`;
}

/**
 * The declaration head between `start` and `end` on one line: leading decorators and
 * attributes skipped, trailing `{`, `:`, `;`, `,`, `=` and `=>` removed, at most 200 characters.
 */
export function signatureText(source: string, start: number, end: number): string {
  const from = skipDecorations(source, start, end);
  // Read a little more than the cap: collapsing whitespace shortens the text.
  let to = Math.min(end, from + maxSignature * 2);
  for (;;) {
    while (to > from && source.charCodeAt(to - 1) <= 32) to--;
    const last = source.charCodeAt(to - 1);
    // '{', ':', ';', ',', '=', and the '>' of '=>'
    if (to > from && (last === 123 || last === 58 || last === 59 || last === 44 || last === 61)) to--;
    else if (to > from + 1 && last === 62 && source.charCodeAt(to - 2) === 61) to -= 2;
    else break;
  }
  return oneLine(source.slice(from, to));
}

/** Skips `@decorator(...)`, `@Annotation` and `#[attribute]` prefixes. */
function skipDecorations(source: string, start: number, end: number): number {
  let at = skipSpace(source, start, end);
  for (;;) {
    const char = source.charCodeAt(at);
    if (char === 64 /* @ */ && !source.startsWith('@interface', at)) {
      at++;
      while (at < end && /[\w$.]/.test(source[at]!)) at++;
      const afterName = skipSpace(source, at, end);
      at = source.charCodeAt(afterName) === 40 /* ( */ ? skipBalanced(source, afterName, end, '(', ')') : at;
    } else if (char === 35 /* # */ && source.charCodeAt(at + 1) === 91 /* [ */) {
      at = skipBalanced(source, at + 1, end, '[', ']');
    } else {
      return at;
    }
    at = skipSpace(source, at, end);
  }
}

function skipSpace(source: string, at: number, end: number): number {
  while (at < end && source.charCodeAt(at) <= 32) at++;
  return at;
}

function skipBalanced(source: string, at: number, end: number, open: string, close: string): number {
  let depth = 0;
  for (; at < end; at++) {
    const char = source[at];
    if (char === open) depth++;
    else if (char === close && --depth === 0) return at + 1;
  }
  return end;
}

const maxReceiver = 80;

/**
 * The receiver of a member access: the text from the access's start to the member name,
 * without the separator (`.`, `?.`, `->`, `::`), on one line, at most 80 characters.
 */
export function receiverText(source: string, start: number, memberStart: number): string {
  let end = memberStart;
  while (end > start) {
    const char = source.charCodeAt(end - 1);
    // whitespace, '.', '?', '-', '>', ':'
    if (char <= 32 || char === 46 || char === 63 || char === 45 || char === 62 || char === 58) end--;
    else break;
  }
  if (end <= start) return '';
  const raw = source.slice(start, Math.min(end, start + maxReceiver * 2));
  const text = /\s/.test(raw) ? raw.replace(/\s+/g, ' ') : raw;
  return text.length <= maxReceiver ? text : text.slice(0, maxReceiver);
}

/** True when `source[from, to)` holds only whitespace with at most `maxNewlines` line breaks. */
export function isBlankGap(source: string, from: number, to: number, maxNewlines: number): boolean {
  let newlines = 0;
  for (let at = from; at < to; at++) {
    const char = source.charCodeAt(at);
    if (char === 10) {
      if (++newlines > maxNewlines) return false;
    } else if (char > 32) {
      return false;
    }
  }
  return true;
}

/** Removes matching quotes around a string literal's text (`'a'`, `"a"`, `` `a` ``, `<a>`). */
export function unquote(text: string): string {
  const first = text[0];
  const last = text[text.length - 1];
  if (text.length >= 2 && (first === last || (first === '<' && last === '>')) && /^["'`<]/.test(text)) {
    return text.slice(1, -1);
  }
  return text;
}

/**
 * The end of an ASCII identifier starting at `start`, found in the text rather than asked of the
 * tree (a call into WebAssembly); undefined when the text is not plainly an ASCII word.
 */
export function identifierEnd(source: string, start: number): number | undefined {
  let at = start;
  if (source.charCodeAt(at) === 35 /* # */) at++;
  for (;;) {
    const char = source.charCodeAt(at);
    // 0-9, A-Z, _, a-z, $
    if ((char >= 48 && char <= 57) || (char >= 65 && char <= 90) || char === 95 || (char >= 97 && char <= 122) || char === 36) at++;
    else if (char >= 128 || char === 35 || char === 92 /* \ */) return undefined;
    else return at;
  }
}
