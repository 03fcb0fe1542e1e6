/** The success check of ask: every cited `path:line` exists in the worktree and holds the code quoted next to it. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Citation, extractCitations } from './ask-citations.ts';
import { failedReport } from './shared/common-report.ts';
import type { SuccessCheckInput, SuccessReport } from './types.ts';

/** Whitespace does not count: `a+b` quotes `a + b`, and a quote may span the cited lines. */
function normalise(text: string): string {
  return text.replace(/\s+/g, '');
}

type FileLines = { lines: string[] } | { problem: string };

async function readLines(root: string, relative: string, cache: Map<string, FileLines>): Promise<FileLines> {
  const cached = cache.get(relative);
  if (cached) return cached;
  const absolute = path.resolve(root, relative);
  const inside = path.relative(root, absolute);
  let result: FileLines;
  if (path.isAbsolute(relative) || inside.startsWith('..') || inside.split(path.sep).includes('.git')) result = { problem: 'is not a path inside the repository' };
  else {
    const info = await stat(absolute).catch(() => undefined);
    if (!info) result = { problem: 'does not exist' };
    else if (!info.isFile()) result = { problem: 'is not a file' };
    else result = { lines: (await readFile(absolute, 'utf8')).split('\n') };
  }
  cache.set(relative, result);
  return result;
}

function quoteIn(lines: readonly string[], citation: Citation, quote: string): boolean {
  return normalise(lines.slice(citation.start - 1, citation.end).join('\n')).includes(normalise(quote));
}

/** Why a citation does not check out, or undefined when it does. */
async function problemOf(root: string, citation: Citation, cache: Map<string, FileLines>): Promise<string | undefined> {
  const file = await readLines(root, citation.path, cache);
  if ('problem' in file) return `${citation.text}: ${citation.path} ${file.problem}`;
  const count = file.lines.at(-1) === '' ? file.lines.length - 1 : file.lines.length;
  if (citation.start < 1 || citation.end < citation.start || citation.end > count) return `${citation.text}: ${citation.path} has ${count} line${count === 1 ? '' : 's'}`;
  for (const quote of citation.quotes) {
    if (quoteIn(file.lines, citation, quote)) continue;
    // A quote between two citations on one answer line may belong to the other one.
    const elsewhere = await Promise.all(citation.neighbours.map(async (other) => {
      const lines = await readLines(root, other.path, cache);
      return 'lines' in lines && quoteIn(lines.lines, other, quote);
    }));
    if (elsewhere.some(Boolean)) continue;
    const actual = file.lines.slice(citation.start - 1, Math.min(citation.end, citation.start + 2)).map((line) => line.trim()).join(' ⏎ ');
    return `${citation.text}: \`${quote}\` is not in the cited line${citation.end > citation.start ? 's' : ''}, which read${citation.end > citation.start ? '' : 's'} \`${actual}\``;
  }
  return undefined;
}

/** Passes when the answer cites at least one location and every citation exists and holds its quoted code. */
export async function checkAsk(input: SuccessCheckInput): Promise<SuccessReport> {
  const citations = extractCitations(input.answer);
  if (citations.length === 0) {
    return failedReport('the answer cites no `path:line` location', ['cite the code behind each claim as `path:line` or `path:start-end`, relative to the repository root'], { citations: 0, badCitations: 0 });
  }
  const cache = new Map<string, FileLines>();
  const problems = (await Promise.all(citations.map((citation) => problemOf(input.workspace.root, citation, cache)))).filter((problem): problem is string => problem !== undefined);
  const quotes = citations.reduce((sum, citation) => sum + citation.quotes.length, 0);
  const good = citations.length - problems.length;
  const measures = { citations: citations.length, badCitations: problems.length, quotes };
  const score = good / citations.length;
  const counted = `${citations.length} citation${citations.length === 1 ? '' : 's'}, ${quotes} quote${quotes === 1 ? '' : 's'}`;
  if (problems.length > 0) return { passed: false, score, summary: `${problems.length} of ${counted} do${problems.length === 1 ? 'es' : ''} not check out`, details: problems, measures };
  return { passed: true, score: 1, summary: `all ${counted} check out`, details: citations.map((citation) => `${citation.text}: ok${citation.quotes.length > 0 ? ` (${citation.quotes.map((quote) => `\`${quote}\``).join(', ')})` : ''}`), measures };
}
