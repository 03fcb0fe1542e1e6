/** Python source as logical lines (brackets and continuations joined), with docstrings found and comments dropped. */
import { type PythonToken, pythonTokens } from '../../evidence/mutation/python-tokens.ts';

/** One logical line: its tokens without comments, its indentation and its first and last physical lines (1-based). */
export interface LogicalLine {
  tokens: PythonToken[];
  indent: number;
  line: number;
  endLine: number;
  /** True when the line is a docstring: only string literals, first in a module, class or function body. */
  docstring: boolean;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

function opensBody(line: LogicalLine | undefined): boolean {
  if (!line) return true;
  const [first, second] = line.tokens;
  const keyword = first?.text === 'async' ? second?.text : first?.text;
  return (keyword === 'def' || keyword === 'class') && line.tokens.at(-1)?.text === ':';
}

/** The logical lines of `text`; comments are dropped, docstrings are marked. */
export function logicalLines(text: string): LogicalLine[] {
  const starts = lineStarts(text);
  const lines: LogicalLine[] = [];
  let current: PythonToken[] = [];
  let depth = 0;
  const finish = () => {
    if (current.length === 0) return;
    const first = current[0]!;
    const last = current.at(-1)!;
    const line = lineOf(starts, first.start);
    const onlyStrings = current.every((token) => token.kind === 'string');
    const previous = lines.at(-1);
    const docstring = onlyStrings && (opensBody(previous) && (!previous || first.start - starts[line - 1]! > previous.indent));
    lines.push({ tokens: current, indent: first.start - starts[line - 1]!, line, endLine: lineOf(starts, last.start + last.text.length - 1), docstring });
    current = [];
  };
  for (const token of pythonTokens(text)) {
    if (token.kind === 'comment') continue;
    if (token.kind === 'newline') {
      if (depth === 0) finish();
      continue;
    }
    if (token.kind === 'operator' && '([{'.includes(token.text)) depth++;
    if (token.kind === 'operator' && ')]}'.includes(token.text)) depth = Math.max(0, depth - 1);
    current.push(token);
  }
  finish();
  return lines;
}

/** The code of `text` without comments and docstrings, one entry per logical line, for comparing two versions. */
export function pythonCode(text: string): string[] {
  return logicalLines(text)
    .filter((line) => !line.docstring)
    .map((line) => `${line.indent}|${line.tokens.map((token) => token.text).join(' ')}`);
}
