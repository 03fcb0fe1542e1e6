/** Python source as logical lines (brackets and continuations joined), with docstrings found and comments dropped. */
import { lineIndexOf, lineStarts } from '../../core/line-starts.ts';
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
    const line = 1 + lineIndexOf(starts, first.start);
    const onlyStrings = current.every((token) => token.kind === 'string');
    const previous = lines.at(-1);
    const docstring = onlyStrings && (opensBody(previous) && (!previous || first.start - starts[line - 1]! > previous.indent));
    lines.push({ tokens: current, indent: first.start - starts[line - 1]!, line, endLine: 1 + lineIndexOf(starts, last.start + last.text.length - 1), docstring });
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
