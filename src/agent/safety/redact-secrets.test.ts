import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.ts';
import { looksLikeSecretValue, shannonEntropy } from './secret-assignments.ts';

// Made-up values in real formats, assembled from parts so that no scanner mistakes this file for a leak.
const fake = {
  openai: 'sk-' + 'proj-' + 'Ab3dE6gH9jK2mN5pQ8rS1tU4vW7xY0zA',
  anthropic: 'sk-' + 'ant-api03-' + 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0Ed',
  aws: 'AKIA' + 'Q3EXAMPLE7FAKE42',
  github: 'ghp' + '_' + 'a1B2c3D4'.repeat(5),
  githubPat: 'github' + '_pat_' + '11ABCDEFG0123456789_abcdefghijKLMNOP',
  slack: 'xoxb' + '-1234567890-0987654321-' + 'AbCdEfGhIjKlMnOp',
  google: 'AIza' + 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q',
  jwt: 'eyJhbGciOiJIUzI1NiJ9' + '.' + 'eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.' + 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
};

describe('redactSecrets', () => {
  it.each([
    ['openai-key', `OPENAI_API_KEY=${fake.openai}`],
    ['anthropic-key', `const key = "${fake.anthropic}";`],
    ['aws-access-key', `aws_access_key_id = ${fake.aws}`],
    ['github-token', `git clone https://x-access-token@github.com using ${fake.github}`],
    ['github-token', `GH=${fake.githubPat}`],
    ['slack-token', `slack: ${fake.slack}`],
    ['google-api-key', `maps("${fake.google}")`],
    ['jwt', `cookie session=${fake.jwt}`],
  ])('replaces a %s with its marker', (kind, text) => {
    const result = redactSecrets(text);
    expect(result.count).toBe(1);
    expect(result.text).toContain(`[REDACTED:${kind}]`);
    for (const value of Object.values(fake)) expect(result.text).not.toContain(value);
  });

  it('tells Anthropic keys from OpenAI keys although both start with sk-', () => {
    expect(redactSecrets(fake.anthropic).text).toBe('[REDACTED:anthropic-key]');
    expect(redactSecrets(fake.openai).text).toBe('[REDACTED:openai-key]');
  });

  it('removes a whole PEM private key block and keeps the text around it', () => {
    const pem = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAv1Zx2', 'Q7w2E9r4T6y1U3i5O8p0', '-----END RSA PRIVATE KEY-----'].join('\n');
    const result = redactSecrets(`before\n${pem}\nafter`);
    expect(result).toEqual({ text: 'before\n[REDACTED:private-key]\nafter', count: 1 });
  });

  it('removes a private key cut off before its END line', () => {
    const result = redactSecrets('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n');
    expect(result.text.startsWith('[REDACTED:private-key]')).toBe(true);
    expect(result.text).not.toContain('b3BlbnNzaC1rZXktdjEAAAAABG5vbmU');
  });

  it('redacts passwords and tokens in assignments, keeping names and quotes', () => {
    const text = ['DB_PASSWORD=s3cr3tP4ss', 'password: "correct-horse"', 'client_secret = "q8Zr2Lw9Xc4Vb7Nm1Kj6Hg3Fd5Sa0Pe"', '"apiKey": "k9J2m4N6p8Q0r2S4t6U8v0W2"'].join('\n');
    const result = redactSecrets(text);
    expect(result.count).toBe(4);
    expect(result.text).toBe(
      ['DB_PASSWORD=[REDACTED:password]', 'password: "[REDACTED:password]"', 'client_secret = "[REDACTED:secret]"', '"apiKey": "[REDACTED:api-key]"'].join('\n'),
    );
  });

  it('redacts bearer tokens and passwords inside URLs', () => {
    const result = redactSecrets('Authorization: Bearer abcDEF123456ghiJKL789\npostgres://admin:Sup3rS3cret@db.example.com/app');
    expect(result.text).toBe('Authorization: Bearer [REDACTED:bearer-token]\npostgres://admin:[REDACTED:url-password]@db.example.com/app');
    expect(result.count).toBe(2);
  });

  it('leaves code that only mentions secrets alone', () => {
    const code = [
      'const token = getToken(request);',
      'password: string;',
      'secret: process.env.SESSION_SECRET,',
      'const tokenize = (text) => text.split(" ");',
      'secretFiles: [".env"],',
      "{ type: 'token', token: 'semicolon' }",
      'if (token === "abcdefghijklmnopqrst1") return;',
      'password = "${DB_PASSWORD}"',
      'api_key: <your-api-key>',
    ].join('\n');
    expect(redactSecrets(code)).toEqual({ text: code, count: 0 });
  });

  it('is idempotent: markers are never redacted again', () => {
    const once = redactSecrets(`token=${fake.github} password="hunter22x"`);
    expect(redactSecrets(once.text)).toEqual({ text: once.text, count: 0 });
  });
});

describe('assignment values', () => {
  it('needs 16 characters of mixed letters and digits, or high entropy, for tokens and keys', () => {
    expect(looksLikeSecretValue('abc123', 'token', true)).toBe(false);
    expect(looksLikeSecretValue('identifier-name-here', 'token', true)).toBe(false);
    expect(looksLikeSecretValue('a9F3k2L8q1W7e5R0', 'token', true)).toBe(true);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});
