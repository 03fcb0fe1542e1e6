/** Finds the imports and module attribute uses (`json.dumps(…)`) on the added lines of a Python file, without a parser. */

/** One Python name use that must resolve: a module, or attributes reached from it. */
export interface PythonUse {
  kind: 'module' | 'import' | 'member';
  /** Dotted module name, absolute. */
  module: string;
  /** Attributes looked up in turn on the module (empty for a plain import). */
  attributes: string[];
  /** How the source spells the chain, e.g. `json.dumpz`; for `from x import y`, `y`. */
  written: string;
  called: boolean;
  line: number;
}

interface Statement {
  text: string;
  /** Lines the statement spans, 1-based. */
  lines: number[];
}

/** Code lines with comments and string contents removed; strings become `""` so that they cannot look like code. */
function codeLines(text: string): string[] {
  let inTriple: string | undefined;
  return text.split(/\r?\n/).map((line) => {
    let out = '';
    for (let index = 0; index < line.length; index++) {
      if (inTriple) {
        if (line.startsWith(inTriple, index)) {
          index += 2;
          inTriple = undefined;
        }
        continue;
      }
      const char = line[index] as string;
      if (char === '#') break;
      if (line.startsWith('"""', index) || line.startsWith("'''", index)) {
        inTriple = line.slice(index, index + 3);
        out += '""';
        index += 2;
        continue;
      }
      if (char === '"' || char === "'") {
        const end = line.indexOf(char, index + 1);
        out += '""';
        index = end < 0 ? line.length : end;
        continue;
      }
      out += char;
    }
    return out;
  });
}

/** Joins bracketed continuation lines (`from x import (\n a,\n b)`) into statements. */
function statements(lines: string[]): Statement[] {
  const result: Statement[] = [];
  let current: Statement | undefined;
  let depth = 0;
  lines.forEach((line, index) => {
    if (!current) current = { text: '', lines: [] };
    current.text += ` ${line}`;
    current.lines.push(index + 1);
    for (const char of line) depth += char === '(' || char === '[' || char === '{' ? 1 : char === ')' || char === ']' || char === '}' ? -1 : 0;
    if (depth <= 0 && !line.trimEnd().endsWith('\\')) {
      result.push(current);
      current = undefined;
      depth = 0;
    }
  });
  if (current) result.push(current);
  return result;
}

const importStatement = /^\s*import\s+(.+)$/;
const fromStatement = /^\s*from\s+([\w.]+)\s+import\s+\(?([^)]*)\)?\s*$/;
const chain = /(?<![\w.])([A-Za-z_]\w*)((?:\s*\.\s*[A-Za-z_]\w*)+)(\s*\()?/g;

function namesOf(list: string): Array<{ name: string; alias: string }> {
  return list
    .split(',')
    .map((part) => part.trim().split(/\s+as\s+/))
    .filter(([name]) => name && /^[\w.]+$/.test(name))
    .map(([name = '', alias]) => ({ name, alias: alias?.trim() || name }));
}

/** Module aliases bound by the imports of a file: `np` → numpy, `dumps` → json + [dumps]. */
function moduleAliases(parsed: Statement[]): Map<string, { module: string; attributes: string[] }> {
  const aliases = new Map<string, { module: string; attributes: string[] }>();
  for (const statement of parsed) {
    const plain = importStatement.exec(statement.text);
    const from = fromStatement.exec(statement.text);
    for (const { name, alias } of plain ? namesOf(plain[1] ?? '') : []) {
      const top = name.split('.')[0] as string;
      aliases.set(alias === name ? top : alias, { module: alias === name ? top : name, attributes: [] });
    }
    if (from && !(from[1] ?? '').startsWith('.')) {
      for (const { name, alias } of namesOf(from[2] ?? '')) if (name !== '*') aliases.set(alias, { module: from[1] as string, attributes: [name] });
    }
  }
  return aliases;
}

/** The uses on `added` lines; module aliases come from imports anywhere in the file. */
export function collectPythonUses(text: string, added: ReadonlySet<number>): PythonUse[] {
  const parsed = statements(codeLines(text));
  const aliases = moduleAliases(parsed);
  const uses: PythonUse[] = [];
  for (const statement of parsed) {
    if (!statement.lines.some((line) => added.has(line))) continue;
    const line = statement.lines.find((entry) => added.has(entry)) ?? 0;
    const plain = importStatement.exec(statement.text);
    const from = fromStatement.exec(statement.text);
    if (plain) {
      for (const { name } of namesOf(plain[1] ?? '')) uses.push({ kind: 'module', module: name, attributes: [], written: name, called: false, line });
      continue;
    }
    if (from) {
      const module = from[1] as string;
      if (module.startsWith('.')) continue;
      const names = namesOf(from[2] ?? '').filter(({ name }) => name !== '*');
      for (const { name } of names) uses.push({ kind: 'import', module, attributes: [name], written: name, called: false, line });
      if (names.length === 0) uses.push({ kind: 'module', module, attributes: [], written: module, called: false, line });
      continue;
    }
    for (const match of statement.text.matchAll(chain)) {
      const target = aliases.get(match[1] as string);
      if (!target) continue;
      const parts = (match[2] as string).split('.').map((part) => part.trim()).filter(Boolean);
      uses.push({ kind: 'member', module: target.module, attributes: [...target.attributes, ...parts], written: `${match[1]}.${parts.join('.')}`, called: match[3] !== undefined, line });
    }
  }
  return uses;
}
