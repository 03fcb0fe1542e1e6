import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneCache } from './prune-cache.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A folder with `files` (name -> age in minutes). */
function cache(files: Record<string, number>, now: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'codewright-prune-'));
  folders.push(folder);
  for (const [name, minutes] of Object.entries(files)) {
    writeFileSync(join(folder, name), name);
    const when = new Date(now - minutes * 60_000);
    utimesSync(join(folder, name), when, when);
  }
  return folder;
}

describe('pruneCache', () => {
  const now = Date.now();

  it('keeps the newest entries, an entry being every file of one key, and removes abandoned temporary files only', () => {
    const folder = cache(
      {
        'a.json': 50,
        'a.tsbuildinfo': 50,
        'b.json': 10,
        'b.tsbuildinfo': 40, // written before its entry: the entry counts as new as its newest file
        'c-vitest.json': 30,
        'd.json.123.ab.tmp': 5, // a writer at work
        'e.json.9.tmp': 120, // a writer that died
      },
      now,
    );
    expect(pruneCache(folder, 2, now).sort()).toEqual(['a.json', 'a.tsbuildinfo', 'e.json.9.tmp']);
    expect(readdirSync(folder).sort()).toEqual(['b.json', 'b.tsbuildinfo', 'c-vitest.json', 'd.json.123.ab.tmp']);
    expect(pruneCache(folder, 2, now)).toEqual([]);
  });

  it('does nothing to a folder that does not exist', () => {
    expect(pruneCache(join(tmpdir(), 'codewright-no-such-cache-folder'), 1, now)).toEqual([]);
  });
});
