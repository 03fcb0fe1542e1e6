/** A small Python tokenizer: enough to find operators, names and numbers outside strings and comments. */

export interface PythonToken {
  kind: 'name' | 'number' | 'string' | 'operator' | 'comment' | 'newline';
  text: string;
  /** Offset in the file text. */
  start: number;
}

const patterns: [PythonToken['kind'] | 'space', RegExp][] = [
  ['newline', /\r?\n/y],
  ['space', /[ \t\f]+|\\\r?\n/y],
  ['comment', /#[^\r\n]*/y],
  ['string', /[rRbBuUfF]{0,2}(?:'''[\s\S]*?'''|"""[\s\S]*?"""|'(?:\\.|[^'\\\r\n])*'|"(?:\\.|[^"\\\r\n])*")/y],
  ['number', /(?:0[xXoObB][\da-fA-F_]+|(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[jJ]?)/y],
  ['name', /[\p{L}_][\p{L}\p{N}_]*/uy],
  ['operator', /\*\*=?|\/\/=?|<<=?|>>=?|->|:=|[-+*/%&|^@<>=!]=|[-+*/%<>=!~&|^@.,:;()[\]{}]/y],
];

/** Tokens of `text` in order; an unknown character becomes a one-character operator. */
export function pythonTokens(text: string): PythonToken[] {
  const tokens: PythonToken[] = [];
  let offset = 0;
  while (offset < text.length) {
    let matched = false;
    for (const [kind, pattern] of patterns) {
      pattern.lastIndex = offset;
      const match = pattern.exec(text);
      if (!match || match[0].length === 0) continue;
      if (kind !== 'space') tokens.push({ kind, text: match[0], start: offset });
      offset += match[0].length;
      matched = true;
      break;
    }
    if (!matched) tokens.push({ kind: 'operator', text: text[offset]!, start: offset++ });
  }
  return tokens;
}

const keywords = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'elif', 'else', 'return', 'yield', 'lambda', 'await', 'while', 'for', 'assert', 'del']);

/** True when the token before an operator ends an operand, so `+`/`-` after it is binary. */
export function endsOperand(previous: PythonToken | undefined): boolean {
  if (!previous) return false;
  if (previous.kind === 'number' || previous.kind === 'string') return true;
  if (previous.kind === 'name') return !keywords.has(previous.text);
  return previous.kind === 'operator' && [')', ']', '}'].includes(previous.text);
}
