/** Reads what a Python docstring claims: parameters, a return value and raised exceptions (Sphinx, Google and NumPy styles). */

/** The claims of one docstring. */
export interface DocstringClaims {
  params: string[];
  returns: boolean;
  raises: string[];
}

type Section = 'params' | 'returns' | 'raises' | 'other';

const sections: [RegExp, Section][] = [
  [/^(args|arguments|parameters|params)$/i, 'params'],
  [/^(returns?|yields?)$/i, 'returns'],
  [/^(raises|exceptions?|throws)$/i, 'raises'],
  [/^(other parameters|keyword args|keyword arguments|attributes|examples?|notes?|see also|warns?|warnings?|references|todo)$/i, 'other'],
];

/** The text of a string literal token: prefix and quotes removed. */
export function stringValue(token: string): string {
  const body = token.replace(/^[rRbBuUfF]*/, '');
  const quotes = body.startsWith('"""') || body.startsWith("'''") ? 3 : 1;
  return body.slice(quotes, body.length - quotes);
}

function dedent(text: string): string[] {
  const lines = text.split('\n');
  const rest = lines.slice(1).filter((line) => line.trim() !== '');
  const indent = Math.min(...rest.map((line) => line.length - line.trimStart().length), Infinity);
  return [lines[0]!.trim(), ...lines.slice(1).map((line) => (line.trim() === '' ? '' : line.slice(Number.isFinite(indent) ? indent : 0).trimEnd()))];
}

function sectionOf(lines: readonly string[], index: number): Section | undefined {
  const line = lines[index]!.trim();
  const underlined = /^-{3,}$/.test((lines[index + 1] ?? '').trim());
  const title = line.endsWith(':') ? line.slice(0, -1).trim() : underlined ? line : undefined;
  if (title === undefined) return undefined;
  return sections.find(([pattern]) => pattern.test(title))?.[1];
}

const indentOf = (line: string) => line.length - line.trimStart().length;

function addSphinx(line: string, claims: DocstringClaims): void {
  const param = /^:(?:param|parameter|arg|argument)\s+([^:]+):/.exec(line);
  if (param) claims.params.push(param[1]!.trim().split(/\s+/).at(-1)!.replace(/^\*+/, ''));
  if (/^:(returns?|rtype|yields?|ytype):/.test(line)) claims.returns = true;
  const raises = /^:(?:raises?|except|exception)\s+([^:]+):/.exec(line);
  if (raises) claims.raises.push(...raises[1]!.split(/\s*(?:,|\bor\b)\s*/).filter(Boolean));
}

/** The claims of a docstring's text (as returned by `stringValue`). */
export function parseDocstring(text: string): DocstringClaims {
  const lines = dedent(text);
  const claims: DocstringClaims = { params: [], returns: false, raises: [] };
  let section: Section | undefined;
  let entryIndent: number | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const trimmed = line.trim();
    if (trimmed === '' || /^-{3,}$/.test(trimmed)) continue;
    addSphinx(trimmed, claims);
    const header = sectionOf(lines, index);
    if (header) {
      section = header;
      entryIndent = undefined;
      if (header === 'returns') claims.returns = true;
      continue;
    }
    if (!section || trimmed.startsWith(':')) continue;
    entryIndent ??= indentOf(line);
    if (indentOf(line) < entryIndent) {
      section = undefined;
      continue;
    }
    if (indentOf(line) > entryIndent) continue;
    if (section === 'params') {
      const name = /^\*{0,2}(\w+)/.exec(trimmed)?.[1];
      if (name) claims.params.push(name);
    } else if (section === 'raises') {
      const name = /^([A-Za-z_][\w.]*)/.exec(trimmed)?.[1];
      if (name) claims.raises.push(name);
    }
  }
  return claims;
}
