import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultCommandPolicy } from '../safety/command-policy.ts';
import { createToolFixture, shopFiles } from './testing/tool-fixture.ts';
import type { ToolFixture } from './testing/tool-fixture.ts';

let shop: ToolFixture | undefined;

/** True while the process exists and is not a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
afterEach(() => shop?.remove());

describe('run', () => {
  it('runs an allowed pipeline in the worktree and reports the exit code and output', async () => {
    shop = createToolFixture();
    const text = await shop.call('run', { command: 'ls src | sort && pwd' });
    expect(text).toMatch(/^exit code 0 \(\d+\.\d s\)\nstdout:\ncart\.js\ndiscount\.js\n/);
    expect(text).toContain(shop.fixture.root);
  });

  it('reports a failing command with its stderr', async () => {
    shop = createToolFixture();
    const text = await shop.call('run', { command: 'node -e "console.error(\'boom\'); process.exit(3)"' });
    expect(text).toMatch(/^exit code 3 .*\nstderr:\nboom$/);
  });

  it('runs the git read-only subcommands', async () => {
    shop = createToolFixture();
    shop.fixture.write('src/cart.js', 'export const changed = true;\n');
    const text = await shop.call('run', { command: 'git status --short' });
    expect(text).toContain(' M src/cart.js');
  });

  it('refuses commands outside the policy and says why', async () => {
    shop = createToolFixture();
    expect(await shop.call('run', { command: 'curl https://example.com' })).toBe('command refused: `curl` is refused: commands run without network access (rule network)');
    expect(await shop.call('run', { command: 'git commit -am x' })).toMatch(/^command refused: `git commit` is not an allowed program; allowed: /);
    expect(await shop.call('run', { command: 'cat .env' })).toMatch(/^command refused: `\.env` is a secret file/);
    expect(await shop.call('run', { command: 'echo $(id)' })).toMatch(/^command refused: command substitution/);
  });

  it('starts commands with a scrubbed environment', async () => {
    shop = createToolFixture();
    process.env.CODEWRIGHT_TEST_API_KEY = 'should-not-leak';
    process.env.NODE_OPTIONS_TEST_MARKER = 'also-dropped';
    try {
      const text = await shop.call('run', { command: 'node -e "console.log(Object.keys(process.env).sort().join(\',\'))"' });
      expect(text).not.toContain('CODEWRIGHT_TEST_API_KEY');
      expect(text).not.toContain('NODE_OPTIONS_TEST_MARKER');
      expect(text).toContain('PATH');
    } finally {
      delete process.env.CODEWRIGHT_TEST_API_KEY;
      delete process.env.NODE_OPTIONS_TEST_MARKER;
    }
  });

  it('kills a command and its process group at the timeout', async () => {
    shop = createToolFixture();
    // The command starts a grandchild that would run forever and prints its pid.
    const command = `node -e "const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log('child ' + c.pid); setInterval(() => {}, 1000)"`;
    const text = await shop.call('run', { command, timeoutSeconds: 1 });
    expect(text).toMatch(/^timed out after 1\.0 s; the command and its process group were killed/);
    const pid = Number(/child (\d+)/.exec(text)?.[1]);
    expect(pid).toBeGreaterThan(0);
    while (isRunning(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isRunning(pid)).toBe(false);
  });

  it('keeps the head and tail of long output with a note', async () => {
    shop = createToolFixture(shopFiles, { context: { commandPolicy: { ...defaultCommandPolicy, outputLimit: 2_000 } } });
    const text = await shop.call('run', { command: 'node -e "for (let i = 1; i <= 5000; i++) console.log(\'line \' + i)"' });
    expect(text).toMatch(/^exit code 0/);
    expect(text).toContain('line 1\nline 2\n');
    expect(text).toContain('line 5000');
    expect(text).toMatch(/\[\.\.\. [\d,]+ lines cut; narrow the output, e\.g\. pipe it through grep, head or tail\]/);
    expect(text.length).toBeLessThan(2_300);
  });

  it('redacts keys the command prints', async () => {
    shop = createToolFixture();
    const key = 'sk-' + 'proj-' + 'Ab3dE6gH9jK2mN5pQ8rS1tU4vW7xY0zA';
    const text = await shop.call('run', { command: `echo "${key}"` });
    expect(text).toBe('exit code 0 ' + text.slice('exit code 0 '.length, text.indexOf('\n')) + '\nstdout:\n[REDACTED:openai-key]');
  });
});
