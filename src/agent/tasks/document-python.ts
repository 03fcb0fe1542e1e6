/** Checks the docstrings a change added or changed in a Python file against the functions they document. */
import type { PythonToken } from '../../evidence/mutation/python-tokens.ts';
import { type LogicalLine, logicalLines } from './document-python-lines.ts';
import { parseDocstring, stringValue } from './document-python-docstring.ts';
import { parameterProblems } from './document-parameters.ts';
import type { DocumentedFunction } from './document-types.ts';

const notCallers = new Set(['if', 'elif', 'while', 'for', 'in', 'not', 'and', 'or', 'return', 'yield', 'assert', 'del', 'with', 'is', 'lambda', 'await', 'print', 'raise', 'except', 'import', 'from', 'as', 'else']);

function startsDefinition(line: LogicalLine): 'def' | 'class' | undefined {
  const [first, second] = line.tokens;
  const keyword = first?.text === 'async' ? second?.text : first?.text;
  return keyword === 'def' || keyword === 'class' ? keyword : undefined;
}

/** Parameter names between the parentheses of a `def` line, without `self`/`cls`, `*` and `/`. */
function parameters(tokens: readonly PythonToken[]): string[] {
  const open = tokens.findIndex((token) => token.text === '(');
  const names: string[] = [];
  let depth = 0;
  let expectName = true;
  for (const token of tokens.slice(open + 1)) {
    if ('([{'.includes(token.text) && token.kind === 'operator') depth++;
    if (')]}'.includes(token.text) && token.kind === 'operator') {
      if (depth === 0) break;
      depth--;
    }
    if (depth > 0) continue;
    if (token.text === ',') expectName = true;
    else if (expectName && token.kind === 'name') {
      names.push(token.text);
      expectName = false;
    } else if (token.text !== '*' && token.text !== '**') expectName = false;
  }
  return names[0] === 'self' || names[0] === 'cls' ? names.slice(1) : names;
}

/** The logical lines of a function's own body: nested functions and classes left out. */
function ownBody(lines: readonly LogicalLine[], at: number): LogicalLine[] {
  const own: LogicalLine[] = [];
  let nestedIndent: number | undefined;
  for (const line of lines.slice(at + 1)) {
    if (line.indent <= lines[at]!.indent) break;
    if (nestedIndent !== undefined && line.indent > nestedIndent) continue;
    nestedIndent = startsDefinition(line) ? line.indent : undefined;
    if (nestedIndent === undefined) own.push(line);
  }
  return own;
}

function canRaise(body: readonly LogicalLine[]): { any: boolean; onlyRaises: boolean; raised: string[] } {
  const raised = body.filter((line) => line.tokens[0]?.text === 'raise' && line.tokens[1]?.kind === 'name').map((line) => line.tokens[1]!.text);
  const calls = body.some((line) =>
    line.tokens.some((token, index) => {
      const before = line.tokens[index - 1];
      const callsHere = token.text === '(' && before !== undefined && ((before.kind === 'name' && !notCallers.has(before.text)) || before.text === ')' || before.text === ']');
      // `raise ValueError(...)` builds the exception it raises: not a separate source of exceptions.
      return callsHere && !(line.tokens[0]?.text === 'raise' && index === 2);
    }),
  );
  const raises = body.some((line) => line.tokens[0]?.text === 'raise');
  return { any: raises || calls, onlyRaises: !calls, raised };
}

function claimsProblems(lines: readonly LogicalLine[], at: number, docstring: LogicalLine): string[] {
  const claims = parseDocstring(docstring.tokens.map((token) => stringValue(token.text)).join(''));
  const problems = parameterProblems(claims.params, parameters(lines[at]!.tokens), 'documented parameter');
  const body = ownBody(lines, at);
  const returnsValue = body.some((line) => (line.tokens[0]?.text === 'return' && line.tokens.length > 1) || line.tokens.some((token) => token.text === 'yield'));
  if (claims.returns && !returnsValue) problems.push('documents a return value, but the function returns nothing');
  const raising = canRaise(body);
  if (claims.raises.length > 0 && !raising.any) problems.push(`documents raising ${claims.raises.join(', ')}, but nothing in the body can raise`);
  else if (raising.onlyRaises && raising.raised.length > 0) {
    const unknown = claims.raises.filter((name) => !raising.raised.includes(name) && name !== 'Exception');
    if (unknown.length > 0) problems.push(`documents raising ${unknown.join(', ')}, but the body raises only ${raising.raised.join(', ')}`);
  }
  return problems;
}

/** Every function of `text` whose docstring touches one of the `changed` lines, with the problems of its claims. */
export function pythonDocumentedFunctions(path: string, text: string, changed: ReadonlySet<number>): DocumentedFunction[] {
  const lines = logicalLines(text);
  const documented: DocumentedFunction[] = [];
  const classes: { indent: number; name: string }[] = [];
  for (const [at, line] of lines.entries()) {
    while (classes.length > 0 && classes.at(-1)!.indent >= line.indent) classes.pop();
    if (startsDefinition(line) === 'class') classes.push({ indent: line.indent, name: line.tokens[1]?.text ?? '' });
    if (startsDefinition(line) !== 'def' || line.tokens.at(-1)?.text !== ':') continue;
    const docstring = lines[at + 1];
    if (!docstring?.docstring || docstring.indent <= line.indent) continue;
    let touched = false;
    for (let number = docstring.line; number <= docstring.endLine; number++) touched ||= changed.has(number);
    if (!touched) continue;
    const name = line.tokens.find((token, index) => index > 0 && token.kind === 'name' && line.tokens[index - 1]?.text === 'def')?.text ?? '(anonymous)';
    const owner = classes.at(-1);
    documented.push({ path, name: owner ? `${owner.name}.${name}` : name, line: line.line, problems: claimsProblems(lines, at, docstring) });
  }
  return documented;
}
