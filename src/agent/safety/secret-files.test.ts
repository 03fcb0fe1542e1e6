import { describe, expect, it } from 'vitest';
import { defaultSecretPolicy, isSecretPath, secretGlobOf } from './secret-files.ts';

describe('isSecretPath', () => {
  it.each([
    '.env',
    'config/.env',
    '.env.local',
    'deploy/production.env',
    'certs/server.pem',
    'tls/server.key',
    'keys/id_rsa',
    'home/.ssh/id_ed25519.pub',
    '.ssh/config',
    '.aws/credentials',
    'credentials.json',
    'config/secrets.yml',
    'gcp/service-account-prod.json',
    '.npmrc',
    '.pypirc',
    '.netrc',
    'android/release.keystore',
    'certs/client.p12',
    'terraform/prod.tfvars',
  ])('treats %s as secret', (path) => {
    expect(isSecretPath(path, defaultSecretPolicy)).toBe(true);
  });

  it.each(['src/index.ts', '.env.example', 'config/.env.sample', 'README.md', 'src/keyboard.ts', 'docs/tokens.md', '.gitignore', '.'])('treats %s as ordinary', (path) => {
    expect(isSecretPath(path, defaultSecretPolicy)).toBe(false);
  });

  it('accepts ./ prefixes and backslashes', () => {
    expect(isSecretPath('./config/.env', defaultSecretPolicy)).toBe(true);
    expect(isSecretPath('config\\.env', defaultSecretPolicy)).toBe(true);
  });

  it('lets the user allow files explicitly', () => {
    const policy = { ...defaultSecretPolicy, allowedFiles: ['fixtures/*.pem'] };
    expect(isSecretPath('fixtures/test.pem', policy)).toBe(false);
    expect(isSecretPath('certs/server.pem', policy)).toBe(true);
  });

  it('names the glob a path matched', () => {
    expect(secretGlobOf('config/.env.production', defaultSecretPolicy)).toBe('.env.*');
    expect(secretGlobOf('src/index.ts', defaultSecretPolicy)).toBeUndefined();
  });
});
