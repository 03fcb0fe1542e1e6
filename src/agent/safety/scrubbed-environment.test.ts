import { describe, expect, it } from 'vitest';
import { scrubbedEnvironment } from './scrubbed-environment.ts';

describe('scrubbedEnvironment', () => {
  const environment = {
    PATH: '/usr/local/bin:/usr/bin',
    HOME: '/home/dev',
    LANG: 'en_US.UTF-8',
    LC_ALL: 'en_US.UTF-8',
    TMPDIR: '/tmp',
    GOPATH: '/home/dev/go',
    OPENAI_API_KEY: 'sk-' + 'proj-' + 'Ab3dE6gH9jK2mN5pQ8rS1tU4vW7xY0zA',
    ANTHROPIC_API_KEY: 'not-a-real-key',
    GITHUB_TOKEN: 'placeholder',
    AWS_SECRET_ACCESS_KEY: 'placeholder',
    DATABASE_URL: 'postgres://app:Sup3rS3cret@db/app',
    NPM_CONFIG_USERCONFIG: '/home/dev/.npmrc',
    NODE_OPTIONS: '--require ./steal.js',
    BASH_ENV: '/home/dev/.bashrc',
    SSH_AUTH_SOCK: '/tmp/agent.sock',
    MY_SERVICE_PASSWORD: 'hunter2',
    EDITOR: 'vim',
  };

  it('keeps the toolchain basics', () => {
    const scrubbed = scrubbedEnvironment(environment);
    expect(scrubbed).toEqual({
      PATH: '/usr/local/bin:/usr/bin',
      HOME: '/home/dev',
      LANG: 'en_US.UTF-8',
      LC_ALL: 'en_US.UTF-8',
      TMPDIR: '/tmp',
      GOPATH: '/home/dev/go',
    });
  });

  it('drops a kept name when its value looks like a key', () => {
    const scrubbed = scrubbedEnvironment({ PATH: '/usr/bin', HOME: 'ghp' + '_' + 'a1B2c3D4'.repeat(5) });
    expect(scrubbed).toEqual({ PATH: '/usr/bin' });
  });

  it('does not change its input', () => {
    const input = { PATH: '/usr/bin', OPENAI_API_KEY: 'x' };
    scrubbedEnvironment(input);
    expect(input).toEqual({ PATH: '/usr/bin', OPENAI_API_KEY: 'x' });
  });
});
