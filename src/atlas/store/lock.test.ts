import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { ensureDataDirectory } from './database.ts';
import { acquireIndexLock } from './lock.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

test('a second holder waits, then fails naming the first', async () => {
  fixture = createFixture();
  const first = await acquireIndexLock(fixture.root, { waitMs: 0, command: 'first' });
  await expect(acquireIndexLock(fixture.root, { waitMs: 200, command: 'second' })).rejects.toThrow(
    new RegExp(`pid ${process.pid} .*\`first\``),
  );
  first.release();
  const second = await acquireIndexLock(fixture.root, { waitMs: 0, command: 'second' });
  second.release();
});

test('a waiting holder gets the lock once the first releases it', async () => {
  fixture = createFixture();
  const first = await acquireIndexLock(fixture.root, { waitMs: 0, command: 'first' });
  setTimeout(() => first.release(), 150);
  const second = await acquireIndexLock(fixture.root, { waitMs: 5000, command: 'second' });
  second.release();
});

test('the lock of a process that died is taken over', async () => {
  fixture = createFixture();
  const child = spawn(process.execPath, ['-e', '0']);
  const pid = child.pid!;
  await new Promise((resolve) => child.on('exit', resolve));
  writeFileSync(join(ensureDataDirectory(fixture.root), 'index.lock'), JSON.stringify({ pid, host: (await import('node:os')).hostname(), startedAt: '', command: 'dead' }));
  const lock = await acquireIndexLock(fixture.root, { waitMs: 0, command: 'alive' });
  lock.release();
});
