import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runGit } from './run-git.ts';

// A killed process whose parent is gone may linger as a zombie until init reaps it: that is dead too.
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

describe('runGit', () => {
  it('collects stdout and reports the exit code', async () => {
    const result = await runGit(['--version'], { cwd: process.cwd(), timeoutMs: 10_000 });
    expect(result).toMatchObject({ code: 0, timedOut: false, aborted: false });
    expect(result.stdout).toMatch(/^git version /);
  });

  it('kills the whole process group when the time limit passes', async () => {
    // A shell alias: git starts sh, which starts sleep and prints its pid.
    const chunks: Buffer[] = [];
    const started = Date.now();
    const result = await runGit(['-c', 'alias.nap=!sleep 30 & echo $!; wait', 'nap'], {
      cwd: process.cwd(),
      timeoutMs: 300,
      onStdout: (chunk) => chunks.push(chunk),
    });
    expect(result).toMatchObject({ code: null, timedOut: true });
    expect(Date.now() - started).toBeLessThan(10_000);
    const sleeper = Number(Buffer.concat(chunks).toString().trim());
    expect(sleeper).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(sleeper)).toBe(false);
  });

  it('kills git when aborted, and reports a missing folder as a spawn error', async () => {
    const controller = new AbortController();
    const pending = runGit(['-c', 'alias.nap=!sleep 30', 'nap'], { cwd: process.cwd(), timeoutMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ aborted: true, timedOut: false, code: null });
    const missing = await runGit(['status'], { cwd: '/nonexistent/codewright', timeoutMs: 1_000 });
    expect(missing.spawnError).toBeInstanceOf(Error);
  });

  it('rejects with the error a stdout handler throws, after killing git', async () => {
    const failing = runGit(['-c', 'alias.talk=!echo hi; sleep 30', 'talk'], {
      cwd: process.cwd(),
      timeoutMs: 60_000,
      onStdout: () => {
        throw new Error('parser broke');
      },
    });
    await expect(failing).rejects.toThrow('parser broke');
  });
});
