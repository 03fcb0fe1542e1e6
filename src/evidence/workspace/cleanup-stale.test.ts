import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { collectChange } from '../change/collect-change.ts';
import { cleanupStaleWorkspaces } from './cleanup-stale.ts';
import { createWorkspaces } from './create-workspaces.ts';

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

function repository(): Fixture {
  const fixture = createFixture({ 'a.txt': 'one\n', '.gitignore': 'node_modules/\n' }, { git: true });
  fixtures.push(fixture);
  fixture.write('a.txt', 'two\n');
  fixture.write('node_modules/dep/index.js', 'module.exports = 1;\n');
  return fixture;
}

function gitWorktrees(fixture: Fixture): string[] {
  return fixture.git('worktree', 'list', '--porcelain').split('\n').filter((line) => line.startsWith('worktree '));
}

function runFolder(fixture: Fixture): string[] {
  const directory = join(fixture.root, '.codewright', 'worktrees');
  return existsSync(directory) ? readdirSync(directory).sort() : [];
}

// A check that crashes: it creates its worktrees, says where, and waits to be killed.
async function crashedRun(root: string): Promise<{ baseDir: string; changeDir: string }> {
  const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
  const script = join(root, '.codewright-crash.mts');
  writeFileSync(
    script,
    `import { collectChange } from ${JSON.stringify(here('../change/collect-change.ts'))};
import { createWorkspaces } from ${JSON.stringify(here('./create-workspaces.ts'))};
const workspaces = await createWorkspaces(process.argv[2], await collectChange(process.argv[2]));
process.stdout.write(JSON.stringify(workspaces) + '\\n');
setInterval(() => {}, 1000);
`,
  );
  const child = spawn(process.execPath, [script, root], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(output);
    });
    child.on('exit', (code) => reject(new Error(`the child exited early (${code})`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return JSON.parse(line) as { baseDir: string; changeDir: string };
}

describe('cleanupStaleWorkspaces', () => {
  it('removes the worktrees of a run that was killed, and git forgets them', async () => {
    const fixture = repository();
    const { baseDir, changeDir } = await crashedRun(fixture.root);
    expect(existsSync(baseDir) && existsSync(changeDir)).toBe(true);
    expect(gitWorktrees(fixture)).toHaveLength(3);

    const removed = await cleanupStaleWorkspaces(fixture.root);

    expect(removed).toHaveLength(1);
    expect(existsSync(baseDir) || existsSync(changeDir)).toBe(false);
    expect(runFolder(fixture)).toEqual([]);
    expect(gitWorktrees(fixture)).toEqual([`worktree ${realpathSync(fixture.root)}`]);
    expect(existsSync(join(fixture.root, 'node_modules/dep/index.js'))).toBe(true);
  });

  it('removes a run whose owner pid is dead or missing, and keeps a live run', async () => {
    const fixture = repository();
    const change = await collectChange(fixture.root);
    const dead = await createWorkspaces(fixture.root, change);
    const orphan = await createWorkspaces(fixture.root, change);
    const live = await createWorkspaces(fixture.root, change);
    const exited = spawnSync(process.execPath, ['-e', '0']);
    const directory = join(fixture.root, '.codewright', 'worktrees');
    writeFileSync(join(directory, `${dead.runId}.pid`), JSON.stringify({ pid: exited.pid, hostname: (await import('node:os')).hostname(), createdAt: '' }));
    writeFileSync(join(directory, `${orphan.runId}.pid`), 'not json');

    const removed = await cleanupStaleWorkspaces(fixture.root);

    expect(removed.sort()).toEqual([dead.runId, orphan.runId].sort());
    expect(runFolder(fixture)).toEqual([`${live.runId}-base`, `${live.runId}-change`, `${live.runId}.pid`]);
    expect(gitWorktrees(fixture)).toHaveLength(3);
    expect(existsSync(join(live.changeDir, 'node_modules/dep/index.js'))).toBe(true);
    await live.dispose();
    expect(runFolder(fixture)).toEqual([]);
    expect(await cleanupStaleWorkspaces(fixture.root)).toEqual([]);
  });
});
