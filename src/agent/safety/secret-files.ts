/** Which files are secret (never read into a model's context): default globs and the check against a policy. */
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import type { SecretPolicy } from '../types.ts';

/**
 * Globs of files that hold keys, passwords and tokens, in .gitignore syntax: a pattern without a
 * slash matches the name at any depth, a trailing slash matches a folder and everything in it,
 * and a leading `!` takes a path back out (example env files hold placeholders, not values).
 */
export const defaultSecretFiles: readonly string[] = [
  '.env',
  '.env.*',
  '*.env',
  '.envrc',
  '!.env.example',
  '!.env.sample',
  '!.env.template',
  '!.env.dist',
  '*.pem',
  '*.key',
  '*.p12',
  '*.pfx',
  '*.jks',
  '*.keystore',
  '*.kdbx',
  'id_rsa*',
  'id_dsa*',
  'id_ecdsa*',
  'id_ed25519*',
  '.ssh/',
  '.aws/',
  '.gnupg/',
  '.docker/config.json',
  'credentials*',
  'secrets.*',
  'service-account*.json',
  '*-service-account*.json',
  '.npmrc',
  '.yarnrc.yml',
  '.pypirc',
  '.netrc',
  '_netrc',
  '.git-credentials',
  '.htpasswd',
  '.pgpass',
  '.vault-token',
  '*.tfstate',
  '*.tfstate.*',
  '*.tfvars',
];

/** The policy when the user configured nothing: the default globs, nothing allowed. */
export const defaultSecretPolicy: SecretPolicy = { secretFiles: defaultSecretFiles, allowedFiles: [] };

const matchers = new WeakMap<readonly string[], Ignore>();

function matcherFor(globs: readonly string[]): Ignore {
  let matcher = matchers.get(globs);
  if (!matcher) {
    matcher = ignore({ allowRelativePaths: true }).add([...globs]);
    matchers.set(globs, matcher);
  }
  return matcher;
}

function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}

/** The first secret glob that `path` matches, or undefined (for messages that say why a file was refused). */
export function secretGlobOf(path: string, policy: SecretPolicy): string | undefined {
  const relative = normalise(path);
  if (relative === '' || !isSecretPath(relative, policy)) return undefined;
  return policy.secretFiles.find((glob) => !glob.startsWith('!') && matcherFor([glob]).ignores(relative));
}

/**
 * True when `path` (relative to the worktree, `/` or `\` separators) matches a secret glob and no
 * glob the user allowed. Paths are matched at every depth: `config/.env` is as secret as `.env`.
 */
export function isSecretPath(path: string, policy: SecretPolicy): boolean {
  const relative = normalise(path);
  if (relative === '') return false;
  if (!matcherFor(policy.secretFiles).ignores(relative)) return false;
  return policy.allowedFiles.length === 0 || !matcherFor(policy.allowedFiles).ignores(relative);
}
