import { spawn } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { collectChange } from '../change/collect-change.ts';
import { createWorkspaces } from './create-workspaces.ts';

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

function repository(): Fixture {
  const fixture = createFixture({ 'a.txt': 'one\n', 'b.txt': 'two\n' }, { git: true });
  fixtures.push(fixture);
  fixture.write('a.txt', 'changed\n');
  return fixture;
}

function expectNothingLeft(fixture: Fixture): void {
  const worktrees = fixture.git('worktree', 'list', '--porcelain').split('\n').filter((line) => line.startsWith('worktree '));
  expect(worktrees).toEqual([`worktree ${realpathSync(fixture.root)}`]);
  expect(readdirSync(join(fixture.root, '.codewright', 'worktrees'))).toEqual([]);
  expect(existsSync(join(fixture.root, '.git', 'worktrees')) ? readdirSync(join(fixture.root, '.git', 'worktrees')) : []).toEqual([]);
}

describe('workspaces of checks running at the same time', () => {
  it('are created and removed in parallel within one process', async () => {
    const fixture = repository();
    const change = await collectChange(fixture.root);
    const all = await Promise.all([1, 2, 3, 4].map(() => createWorkspaces(fixture.root, change, { linkDependencies: false })));
    expect(new Set(all.map((workspaces) => workspaces.runId)).size).toBe(4);
    await Promise.all(all.map((workspaces) => workspaces.dispose()));
    expectNothingLeft(fixture);
  });

  it('are created and removed in parallel by several processes', async () => {
    const fixture = repository();
    const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
    const script = join(fixture.root, '.codewright-parallel.mts');
    writeFileSync(
      script,
      `import { collectChange } from ${JSON.stringify(here('../change/collect-change.ts'))};
import { createWorkspaces } from ${JSON.stringify(here('./create-workspaces.ts'))};
const change = await collectChange(process.argv[2]);
for (let round = 0; round < 3; round++) {
  const workspaces = await createWorkspaces(process.argv[2], change, { linkDependencies: false });
  await workspaces.dispose();
}
`,
    );
    const runs = [1, 2, 3].map(
      () =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [script, fixture.root], { stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('exit', (code) => resolve({ code, stderr }));
        }),
    );
    for (const run of await Promise.all(runs)) expect(run).toEqual({ code: 0, stderr: '' });
    expectNothingLeft(fixture);
  });
});
