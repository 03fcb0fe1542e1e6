/** Mutants of the changed lines of Python files, token by token (no Python parser needed). */
import { lineStarts, positionOf } from '../../core/line-starts.ts';
import type { MutantDraft } from './draft.ts';
import { type PythonToken, endsOperand, pythonTokens } from './python-tokens.ts';
import type { MutationOperator } from './types.ts';

/** A token with the bracket depth before it. */
interface Placed extends PythonToken {
  depth: number;
}

const comparisons: Record<string, [MutationOperator, string]> = {
  '<': ['boundary', '<='],
  '<=': ['boundary', '<'],
  '>': ['boundary', '>='],
  '>=': ['boundary', '>'],
  '==': ['equality', '!='],
  '!=': ['equality', '=='],
};
const binary: Record<string, string> = { '+': '-', '-': '+', '*': '/', '/': '*', '%': '*', '+=': '-=', '-=': '+=', '*=': '/=', '/=': '*=' };
const names: Record<string, [MutationOperator, string]> = {
  and: ['logical', 'or'],
  or: ['logical', 'and'],
  True: ['boolean-literal', 'False'],
  False: ['boolean-literal', 'True'],
};
const statementKeywords = new Set(['return', 'if', 'elif', 'else', 'for', 'while', 'with', 'def', 'class', 'import', 'from', 'pass', 'raise', 'assert', 'del', 'global', 'nonlocal', 'try', 'except', 'finally', 'yield', 'lambda', 'await', 'async']);

function draft(token: PythonToken, end: number, text: string, operator: MutationOperator, replacement: string, at = token.start): MutantDraft {
  return { at, start: token.start, end, operator, original: text.slice(token.start, end), replacement };
}

function tokenDrafts(tokens: readonly Placed[], index: number, text: string): MutantDraft[] {
  const token = tokens[index]!;
  const previous = tokens[index - 1];
  const end = token.start + token.text.length;
  if (token.kind === 'operator') {
    const comparison = comparisons[token.text];
    if (comparison) return [draft(token, end, text, comparison[0], comparison[1])];
    const swapped = binary[token.text];
    if (swapped === undefined) return [];
    if (endsOperand(previous)) return token.text === '%' && previous?.kind === 'string' ? [] : [draft(token, end, text, 'arithmetic', swapped)];
    return token.text === '-' ? [draft(token, end, text, 'unary', '')] : [];
  }
  if (token.kind === 'name') {
    const swap = names[token.text];
    if (swap) return [draft(token, end, text, swap[0], swap[1])];
    const next = tokens[index + 1];
    return token.text === 'not' && next ? [draft(token, next.start, text, 'unary', '')] : [];
  }
  if (token.kind === 'number' && /^\d[\d_]*$/.test(token.text)) return [draft(token, end, text, 'off-by-one', String(BigInt(token.text.replaceAll('_', '')) + 1n))];
  if (token.kind === 'number' && /^[\d_.]+(?:[eE][+-]?\d+)?$/.test(token.text)) return [draft(token, end, text, 'off-by-one', String(Number(token.text.replaceAll('_', '')) + 1))];
  return [];
}

function returnValue(expression: readonly Placed[], source: string): string | undefined {
  const text = source.slice(expression[0]!.start, expression.at(-1)!.start + expression.at(-1)!.text.length);
  if (text === 'None' || text === 'True' || text === 'False') return undefined;
  const top = expression.filter((token) => token.depth === expression[0]!.depth);
  if (expression[0]!.text === 'not' || top.some((token) => comparisons[token.text] || token.text === 'in' || token.text === 'is')) return `not (${text})`;
  if (expression.length === 1 && expression[0]!.kind === 'number') return text === '0' ? '1' : '0';
  if (expression.length === 1 && expression[0]!.kind === 'string') return '""';
  return 'None';
}

/** `return …`, `if …:`, and a line that is one bare call, for a logical line at bracket depth 0. */
function statementDrafts(line: readonly Placed[], text: string): MutantDraft[] {
  const first = line[0]!;
  const last = line.at(-1)!;
  const end = (token: PythonToken) => token.start + token.text.length;
  if (first.depth !== 0 || last.text === '\\') return [];
  if (first.text === 'return' && line.length > 1 && last.depth === 0 && !['(', '[', '{', ','].includes(last.text)) {
    const replacement = returnValue(line.slice(1), text);
    return replacement ? [draft(line[1]!, end(last), text, 'return-value', replacement, first.start)] : [];
  }
  if (first.text === 'if' || first.text === 'elif') {
    const colon = line.findIndex((token, index) => index > 0 && token.text === ':' && token.depth === 0);
    if (colon <= 1) return [];
    return [draft(line[1]!, end(line[colon - 1]!), text, 'negated-condition', `not (${text.slice(line[1]!.start, end(line[colon - 1]!))})`, first.start)];
  }
  const opening = line.findIndex((token) => token.text === '(');
  const callee = line.slice(0, opening);
  const isCallee = opening > 0 && callee.every((token, index) => (index % 2 === 0 ? token.kind === 'name' : token.text === '.')) && callee.length % 2 === 1;
  const closesAtEnd = last.text === ')' && last.depth === 0 && line.slice(opening + 1, -1).every((token) => token.depth >= 1);
  if (isCallee && closesAtEnd && !statementKeywords.has(first.text)) return [draft(first, end(last), text, 'removed-call', 'pass')];
  return [];
}

/** Drafts for every token and statement on one of `lines` (1-based). */
export function pythonDrafts(text: string, lines: ReadonlySet<number>): MutantDraft[] {
  const starts = lineStarts(text);
  const byLine = new Map<number, Placed[]>();
  let depth = 0;
  for (const token of pythonTokens(text)) {
    if (token.kind === 'comment' || token.kind === 'newline') continue;
    if ([')', ']', '}'].includes(token.text)) depth = Math.max(0, depth - 1);
    const line = positionOf(starts, token.start).line;
    if (!byLine.has(line)) byLine.set(line, []);
    byLine.get(line)!.push({ ...token, depth });
    if (['(', '[', '{'].includes(token.text)) depth += 1;
  }
  const drafts: MutantDraft[] = [];
  for (const line of lines) {
    const tokens = byLine.get(line);
    if (!tokens) continue;
    drafts.push(...statementDrafts(tokens, text));
    tokens.forEach((_, index) => drafts.push(...tokenDrafts(tokens, index, text)));
  }
  return drafts;
}
