/** Paths in git diff headers: C-style quoting, `a/` `b/` prefixes, `/dev/null`. */

const escapes: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * Decodes a git C-quoted string starting at `start` (the opening `"`): `\t`, `\"`, `\\` and octal
 * bytes such as `\303\251` (UTF-8). Returns the text and the index after the closing quote.
 */
export function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  if (text[start] !== '"') return undefined;
  const bytes: number[] = [];
  let at = start + 1;
  while (at < text.length) {
    const char = text[at] ?? '';
    if (char === '"') return { value: Buffer.from(bytes).toString('utf8'), end: at + 1 };
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      at += 1;
      continue;
    }
    const next = text[at + 1] ?? '';
    const octal = /^[0-3][0-7]{2}/.exec(text.slice(at + 1, at + 4));
    if (octal) {
      bytes.push(Number.parseInt(octal[0], 8));
      at += 4;
    } else if (next in escapes) {
      bytes.push(escapes[next] ?? 0);
      at += 2;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The path of a `--- `, `+++ `, `rename from ` … line (the text after the keyword): quoted or
 * plain; a plain path ends at a tab (git and diff(1) put a tab, sometimes a date, after it).
 */
export function readPathToken(rest: string): string | undefined {
  if (rest.startsWith('"')) {
    const quoted = readQuoted(rest, 0);
    if (!quoted) return undefined;
    const tail = rest.slice(quoted.end);
    return tail === '' || tail.startsWith('\t') ? quoted.value : undefined;
  }
  const tab = rest.indexOf('\t');
  const path = tab < 0 ? rest : rest.slice(0, tab);
  return path === '' ? undefined : path;
}

/** Drops the first path component like `git apply -p1` (`a/src/x.ts` -> `src/x.ts`); `/dev/null` -> null. */
export function stripPrefix(path: string): string | null {
  if (path === '/dev/null') return null;
  const slash = path.indexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

function splitPlain(rest: string): { oldPath: string; newPath: string } | undefined {
  // Unquoted names may hold spaces; without a rename both sides name the same file.
  for (let at = rest.indexOf(' '); at >= 0; at = rest.indexOf(' ', at + 1)) {
    const left = stripPrefix(rest.slice(0, at));
    const right = stripPrefix(rest.slice(at + 1));
    if (left !== null && left === right) return { oldPath: left, newPath: right };
  }
  const parts = rest.split(' ');
  if (parts.length !== 2) return undefined;
  const [left = '', right = ''] = parts;
  const oldPath = stripPrefix(left);
  const newPath = stripPrefix(right);
  return oldPath === null || newPath === null ? undefined : { oldPath, newPath };
}

/** The two paths of `diff --git <a> <b>` (the text after `diff --git `), prefixes stripped. */
export function splitGitHeader(rest: string): { oldPath: string; newPath: string } | undefined {
  if (!rest.startsWith('"') && !rest.endsWith('"')) return splitPlain(rest);
  let left: string | undefined;
  let rightText: string;
  if (rest.startsWith('"')) {
    const quoted = readQuoted(rest, 0);
    if (!quoted || rest[quoted.end] !== ' ') return undefined;
    left = quoted.value;
    rightText = rest.slice(quoted.end + 1);
  } else {
    const at = rest.lastIndexOf(' "');
    if (at < 0) return undefined;
    left = rest.slice(0, at);
    rightText = rest.slice(at + 1);
  }
  const right = rightText.startsWith('"') ? readPathToken(rightText) : rightText;
  if (right === undefined) return undefined;
  const oldPath = stripPrefix(left);
  const newPath = stripPrefix(right);
  return oldPath === null || newPath === null ? undefined : { oldPath, newPath };
}
