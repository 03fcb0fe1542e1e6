/** Redacts the values of `password=`, `secret:`, `token=` and `api_key:` assignments when they look like real secrets, not code. */

/**
 * A name ending in a secret word (`DB_PASSWORD`, `accessToken`, `client_secret`, `"apiKey"`), an
 * optional closing quote, `=`/`:`/`:=` (not `==`), then a quoted or bare value. The name must end
 * with the word, so `tokenize = …` and `secretFiles: …` are left alone.
 */
const assignment =
  /(?<![\w$])(?<name>(?:[A-Za-z_$][\w$.-]*?)?(?<word>password|passwd|passphrase|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?key|credentials?))(?<close>["']?)(?<separator>[ \t]*(?::=|:|=(?!=))[ \t]*)(?<value>"[^"\n]*"|'[^'\n]*'|`[^`$\n]*`|[^\s'"`,;)}\]]+)/gi;

const placeholder = /^(?:x+|\*+|\.+|-+|_+|<[^>]*>|\{\{.*\}\}|\$\{.*\}|\$[A-Za-z_]\w*|%[sd]|%\(\w+\)s|changeme|change[-_]?me|example|placeholder|redacted|secret|password|your[-_].*|my[-_].*|todo|none|null|undefined|true|false)$/i;

/**
 * Unquoted values that are code, not data: member paths (`process.env.TOKEN`, `options.secret`),
 * calls (`getToken()`), words without digits (`string`, `SecretPolicy`, `await`) and numbers.
 */
const codeLike = /^(?:[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+|[A-Za-z_$]+|.*\(.*|[\d.]+)[;,]?$/;

function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const character of value) counts.set(character, (counts.get(character) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const share = count / value.length;
    entropy -= share * Math.log2(share);
  }
  return entropy;
}

function kindOf(word: string): string {
  const lower = word.toLowerCase();
  if (lower.startsWith('pass')) return 'password';
  if (lower === 'token') return 'token';
  return lower.includes('key') ? 'api-key' : 'secret';
}

/**
 * Whether an assigned value is worth hiding. Passwords: 8 characters or more (quoted, or bare with a
 * digit or symbol, so that type names and identifiers stay). Tokens, keys and secrets: 16 characters
 * or more with digits and letters, or high entropy. Placeholders and code never are.
 */
export function looksLikeSecretValue(value: string, kind: string, quoted: boolean): boolean {
  if (value.length < 8 || /\s/.test(value) || placeholder.test(value) || value.includes('[REDACTED:')) return false;
  if (!quoted && codeLike.test(value)) return false;
  if (!quoted && /^(?:\.{0,2}\/|~\/|[a-z]+:\/\/)/i.test(value)) return false;
  if (kind === 'password') return quoted || characterClasses(value) >= 2;
  if (value.length < 16) return false;
  return (/[0-9]/.test(value) && /[A-Za-z]/.test(value)) || shannonEntropy(value) >= 3.5;
}

/** Replaces the secret values of assignments in `text`, keeping names and quotes. */
export function redactAssignments(text: string): { text: string; count: number } {
  let count = 0;
  const result = text.replace(assignment, (match: string, ...rest: unknown[]) => {
    const groups = rest[rest.length - 1] as Record<string, string>;
    const raw = groups.value ?? '';
    const quote = /^["'`]/.test(raw) ? raw[0]! : '';
    const value = quote ? raw.slice(1, -1) : raw;
    const kind = kindOf(groups.word ?? '');
    if (!looksLikeSecretValue(value, kind, quote !== '')) return match;
    count++;
    return `${groups.name}${groups.close}${groups.separator}${quote}[REDACTED:${kind}]${quote}`;
  });
  return { text: result, count };
}
