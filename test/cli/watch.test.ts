import { afterEach, expect, test } from 'vitest';
import { createFixture } from '../helpers/fixture.ts';
import type { Fixture } from '../helpers/fixture.ts';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, runCliJson, startCli } from '../helpers/cli.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

function waitFor(stream: NodeJS.ReadableStream, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; saw:\n${seen}`)), timeoutMs);
    stream.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
  });
}

test('index --watch re-indexes files as they change, add and disappear', async () => {
  fixture = createFixture({ 'src/a.ts': 'export function first(): number { return 1; }\n' });
  const child = startCli(['index', fixture.root, '--watch', '--no-history']);
  try {
    await waitFor(child.stdout!, /indexed .* in/);
    const updated = waitFor(child.stderr!, /index: updated \(1 parsed/);
    fixture.write('src/b.ts', 'export function second(): number { return 2; }\n');
    await updated;
    const found = runCliJson<{ symbol: { name: string } }[]>(['find', 'second', '--root', fixture.root]);
    expect(found.map((result) => result.symbol.name)).toEqual(['second']);
    // A file the index holds: the watcher names it, and the run looks at nothing else.
    const edited = waitFor(child.stderr!, /index: updated \(1 parsed, 0 removed; changed paths only\)/);
    fixture.write('src/a.ts', 'export function third(): number { return 3; }\n');
    await edited;
    expect(runCliJson<{ symbol: { name: string } }[]>(['find', 'third', '--root', fixture.root]).map((result) => result.symbol.name)).toEqual(['third']);
    const removed = waitFor(child.stderr!, /index: updated \(0 parsed, 1 removed; changed paths only\)/);
    rmSync(join(fixture.root, 'src/b.ts'));
    await removed;
    expect(runCli(['find', 'second', '--root', fixture.root]).status).toBe(1);
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.on('exit', resolve));
  }
});
