/** Reads the `path:line` and `path:start-end` citations of an answer and the code it quotes in backticks next to each. */

/** One citation as written in the answer, with the inline code quoted next to it. */
export interface Citation {
  /** As written, without a leading `./`. */
  path: string;
  start: number;
  end: number;
  /** `path:line` or `path:start-end`, as written. */
  text: string;
  /** 1-based line of the answer. */
  answerLine: number;
  /** Inline code right next to the citation (only spaces or punctuation between), which must occur in the cited lines. */
  quotes: string[];
  /** The other citations on the same answer line: a quote between two citations may belong to either. */
  neighbours: Citation[];
}

// A path (at least one `name.ext` segment) then `:line` or `:start-end`; not inside a longer path or a URL.
const citationPattern = /(?<![\w./@+-])((?:\.\/)?(?:[\w@.+-]+\/)*[\w@+-][\w@.+-]*\.[A-Za-z0-9]+):(\d+)(?:\s?[-–]\s?(\d+))?(?![\d\w])/g;
const inlineCode = /(`+)([^`\n]+?)\1/g;
const fence = /^\s*(```|~~~)/;

interface Span {
  start: number;
  end: number;
}

// What may stand between a citation and its quote: spaces, punctuation, the citation's own backticks.
const adjacentGap = /^[\s`:;,.()[\]—–-]{0,6}$/;

/** The citation the quote sits right next to (after it, or before it), or undefined when it is prose. */
function adjacent(line: string, spans: readonly (Span & { citation: Citation })[], quote: Span): Citation | undefined {
  let best: { citation: Citation; distance: number } | undefined;
  for (const span of spans) {
    const gap = span.end <= quote.start ? line.slice(span.end, quote.start) : span.start >= quote.end ? line.slice(quote.end, span.start) : undefined;
    if (gap === undefined || !adjacentGap.test(gap)) continue;
    // Ties go to the citation before the quote: "`a.ts:3` `code`" is the form the instructions ask for.
    if (!best || gap.length < best.distance) best = { citation: span.citation, distance: gap.length };
  }
  return best?.citation;
}

/** True for inline code that names a file rather than quoting code: `src/cart.ts`, or a cited path. */
function namesFile(code: string, citations: readonly Citation[]): boolean {
  const trimmed = code.trim().replace(/^\.\//, '');
  if (/^[\w@.+-]*\/[\w@./+-]*$/.test(trimmed)) return true;
  return citations.some((citation) => citation.path === trimmed || citation.path.endsWith(`/${trimmed}`));
}

/** Citations in reading order; text inside fenced code blocks is neither a citation nor a quote. */
export function extractCitations(answer: string): Citation[] {
  const citations: Citation[] = [];
  let fenced = false;
  for (const [index, line] of answer.split('\n').entries()) {
    if (fence.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const spans: (Span & { citation: Citation })[] = [];
    for (const match of line.matchAll(citationPattern)) {
      const start = Number(match[2]);
      const citation: Citation = { path: match[1]!.replace(/^\.\//, ''), start, end: match[3] ? Number(match[3]) : start, text: match[0], answerLine: index + 1, quotes: [], neighbours: [] };
      spans.push({ start: match.index, end: match.index + match[0].length, citation });
    }
    for (const span of spans) span.citation.neighbours = spans.map((other) => other.citation).filter((other) => other !== span.citation);
    const found = spans.map((span) => span.citation);
    for (const match of line.matchAll(inlineCode)) {
      const code = match[2]!;
      const span = { start: match.index, end: match.index + match[0].length };
      const wrapsCitation = spans.some((item) => item.start >= span.start && item.end <= span.end);
      if (wrapsCitation || code.trim() === '' || namesFile(code, found)) continue;
      adjacent(line, spans, span)?.quotes.push(code.trim());
    }
    citations.push(...found);
  }
  return citations;
}
