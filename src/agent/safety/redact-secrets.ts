/** Replaces values that look like keys, tokens and passwords with `[REDACTED:<kind>]` before text reaches a model or a trajectory. */
import { redactAssignments } from './secret-assignments.ts';

/** A kind of secret recognised by its shape alone. */
export interface SecretPattern {
  kind: string;
  /** Global regular expression; the whole match is replaced, or only group `value` when the pattern has one. */
  pattern: RegExp;
}

/** Token formats that providers document, most specific first (Anthropic keys also start with `sk-`). */
export const secretPatterns: readonly SecretPattern[] = [
  {
    kind: 'private-key',
    pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\s:,-]*)/g,
  },
  { kind: 'anthropic-key', pattern: /(?<![\w-])sk-ant-[A-Za-z0-9_-]{20,}/g },
  { kind: 'openai-key', pattern: /(?<![\w-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g },
  { kind: 'aws-access-key', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  { kind: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/g },
  { kind: 'gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { kind: 'slack-token', pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,}/g },
  { kind: 'slack-webhook', pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]{20,}/g },
  { kind: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: 'stripe-key', pattern: /\b(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{16,}\b/g },
  { kind: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'huggingface-token', pattern: /\bhf_[A-Za-z0-9]{30,}\b/g },
  { kind: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { kind: 'bearer-token', pattern: /\b[Bb]earer\s+(?<value>(?![[])[A-Za-z0-9._~+/=-]{16,})/g },
  { kind: 'url-password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:(?<value>(?![[])[^\s@/]{3,})@/g },
];

/** A marker that says what was removed, and that is never itself mistaken for a secret. */
export function redactionMarker(kind: string): string {
  return `[REDACTED:${kind}]`;
}

/**
 * `text` with every value that looks like a key, token or password replaced by
 * `[REDACTED:<kind>]`, and how many were replaced. Recognises provider token formats, PEM private
 * keys, JWTs, bearer tokens, passwords in URLs, and `password=`/`secret:`/`token=`-style
 * assignments with long or high-entropy values (see secret-assignments.ts).
 */
export function redactSecrets(text: string): { text: string; count: number } {
  let count = 0;
  let result = text;
  for (const { kind, pattern } of secretPatterns) {
    result = result.replace(pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      const groups = args[args.length - 1] as Record<string, string | undefined> | undefined;
      count++;
      const value = typeof groups === 'object' && groups ? groups.value : undefined;
      if (value === undefined) return redactionMarker(kind);
      const at = match.lastIndexOf(value);
      return `${match.slice(0, at)}${redactionMarker(kind)}${match.slice(at + value.length)}`;
    });
  }
  const assigned = redactAssignments(result);
  return { text: assigned.text, count: count + assigned.count };
}
