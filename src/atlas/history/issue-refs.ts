/** Finds issue references in commit messages: `#12`, `GH-12`, `owner/repo#12`, issue URLs, `ABC-123`. */

// Uppercase prefixes that look like issue keys but name standards and encodings: UTF-8, SHA-256, ISO-8601.
const notIssueKeys = new Set([
  'AES', 'ARM', 'CP', 'CVE', 'CWE', 'DES', 'ECMA', 'ES', 'GPT', 'HTTP', 'HTTPS', 'IE', 'IPV', 'ISO', 'JS',
  'LTS', 'MD', 'PEP', 'PS', 'RFC', 'RSA', 'SHA', 'SSL', 'TLS', 'TS', 'UCS', 'UTF', 'WIN',
]);

interface Found {
  index: number;
  reference: string;
}

type Rule = [pattern: RegExp, format: (match: RegExpExecArray) => string | undefined];

// Order matters: longer forms are found and blanked out before the shorter forms inside them.
const rules: Rule[] = [
  [/https?:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/(?:issues|pull)\/(\d+)/g, (m) => `${m[1]}/${m[2]}#${m[3]}`],
  [/(?<![\w./-])([A-Za-z0-9][\w.-]*)\/([\w.-]+)#(\d+)\b/g, (m) => `${m[1]}/${m[2]}#${m[3]}`],
  [/\bGH-(\d+)\b/g, (m) => `#${m[1]}`],
  [/(?<![\w&#/])#(\d+)\b/g, (m) => `#${m[1]}`],
  [
    /(?<![\w/-])([A-Z][A-Z0-9]{1,9})-(\d+)\b(?!-\d)/g,
    (m) => {
      const key = m[1] ?? '';
      const letters = key.replace(/[^A-Z]/g, '').length;
      return letters >= 2 && !notIssueKeys.has(key) ? `${key}-${m[2]}` : undefined;
    },
  ],
];

/** Issue references in order of first mention, without duplicates; `GH-12` is reported as `#12`. */
export function extractIssues(message: string): string[] {
  let text = message;
  const found: Found[] = [];
  for (const [pattern, format] of rules) {
    let blanked = text;
    for (const match of text.matchAll(pattern)) {
      const reference = format(match);
      if (reference === undefined) continue;
      found.push({ index: match.index, reference });
      blanked = blanked.slice(0, match.index) + ' '.repeat(match[0].length) + blanked.slice(match.index + match[0].length);
    }
    text = blanked;
  }
  found.sort((left, right) => left.index - right.index);
  return [...new Set(found.map((item) => item.reference))];
}
