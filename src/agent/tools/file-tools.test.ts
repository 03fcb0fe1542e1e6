import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createToolFixture, shopFiles } from './testing/tool-fixture.ts';
import type { ToolFixture } from './testing/tool-fixture.ts';

let shop: ToolFixture;
const read = (path: string) => readFileSync(join(shop.fixture.root, path), 'utf8');

beforeEach(() => {
  shop = createToolFixture({
    ...shopFiles,
    '.env': 'DB_PASSWORD=s3cr3tP4ss\n',
    'config/settings.json': JSON.stringify({ apiKey: 'k9J2m4N6p8Q0r2S4t6U8v0W2', region: 'eu' }),
    'src/long.js': Array.from({ length: 1000 }, (_, index) => `export const value${index + 1} = ${index + 1};`).join('\n') + '\n',
    'src/repeat.js': ['let count = 0;', 'count += 1;', 'count += 1;', 'count += 1;', ''].join('\n'),
    'notes.txt': 'plain text\n',
  });
});

afterEach(() => shop.remove());

describe('read', () => {
  it('shows numbered lines of a file', async () => {
    const text = await shop.call('read', { path: 'src/discount.js' });
    expect(text).toBe(
      ['src/discount.js (7 lines)', "1  import { total } from './cart.js';", '2  ', '3  /** Ten percent off orders over 100. */', '4  export function discounted(items) {', '5    const sum = total(items);', '6    return sum > 100 ? sum * 0.9 : sum;', '7  }'].join('\n'),
    );
  });

  it('shows a line range and says where the rest is', async () => {
    expect(await shop.call('read', { path: 'src/long.js', startLine: 10, endLine: 12 })).toBe(
      'src/long.js (lines 10-12 of 1,000)\n10  export const value10 = 10;\n11  export const value11 = 11;\n12  export const value12 = 12;',
    );
    const first = await shop.call('read', { path: 'src/long.js' });
    expect(first).toMatch(/^src\/long\.js \(lines 1-400 of 1,000\)/);
    expect(first).toContain('[... lines 401-1000 not shown; read them with startLine: 401]');
  });

  it('explains bad ranges', async () => {
    expect(await shop.call('read', { path: 'src/discount.js', startLine: 50 })).toBe('src/discount.js has 7 lines; startLine 50 is past the end');
    expect(await shop.call('read', { path: 'src/discount.js', startLine: 5, endLine: 2 })).toBe('endLine 2 is before startLine 5; give endLine >= startLine');
  });

  it('suggests similar files when the path is wrong', async () => {
    expect(await shop.call('read', { path: 'src/discounts.js' })).toBe('file not found: src/discounts.js; did you mean src/discount.js?');
    expect(await shop.call('read', { path: 'lib/cart.js' })).toBe('file not found: lib/cart.js; did you mean src/cart.js?');
  });

  it('lists a folder, marking secret files', async () => {
    expect(await shop.call('read', { path: '.' })).toBe(
      ['./ (7 entries)', 'config/', 'src/', 'test/', '.env (secret: not readable)', 'notes.txt', 'package.json', 'README.md'].join('\n'),
    );
  });

  it('refuses secret files, paths outside the worktree and git internals', async () => {
    expect(await shop.call('read', { path: '.env' })).toMatch(/^\.env is a secret file \(it matches `\.env`\); its contents are never sent to a model/);
    expect(await shop.call('read', { path: '../outside.txt' })).toMatch(/^\.\.\/outside\.txt is outside the worktree/);
    expect(await shop.call('read', { path: '/etc/passwd' })).toMatch(/^\/etc\/passwd is outside the worktree/);
    expect(await shop.call('read', { path: '.git/config' })).toMatch(/^\.git\/config is inside \.git\//);
  });

  it('refuses a symbolic link that leads out of the worktree', async () => {
    symlinkSync('/etc', join(shop.fixture.root, 'escape'));
    expect(await shop.call('read', { path: 'escape/hostname' })).toMatch(/leads outside the worktree through a symbolic link/);
  });

  it('accepts an absolute path inside the worktree', async () => {
    expect(await shop.call('read', { path: join(shop.fixture.root, 'notes.txt') })).toBe('notes.txt (1 lines)\n1  plain text');
  });

  it('redacts secret values in files it may read', async () => {
    const text = await shop.call('read', { path: 'config/settings.json' });
    expect(text).toContain('"apiKey":"[REDACTED:api-key]"');
    expect(text).not.toContain('k9J2m4N6p8Q0r2S4t6U8v0W2');
  });
});

describe('edit', () => {
  it('replaces text that matches once, shows the result and records the edit', async () => {
    const text = await shop.call('edit', { path: 'src/discount.js', search: 'sum * 0.9', replace: 'sum * 0.8' });
    expect(text).toMatch(/^edited src\/discount\.js: line 6 now reads \(7 lines in the file\)/);
    expect(text).toContain('6    return sum > 100 ? sum * 0.8 : sum;');
    expect(read('src/discount.js')).toContain('sum * 0.8');
    expect(shop.events).toEqual([expect.objectContaining({ type: 'edit', candidate: 'A', path: 'src/discount.js', tool: 'edit', search: 'sum * 0.9', replace: 'sum * 0.8', startLine: 6 })]);
  });

  it('refuses a search text that matches several times, naming the lines', async () => {
    expect(await shop.call('edit', { path: 'src/repeat.js', search: 'count += 1;', replace: 'count += 2;' })).toBe(
      'search text matched 3 times (lines 2, 3, 4); include more surrounding lines so it matches once',
    );
    expect(read('src/repeat.js')).toBe(shopFilesRepeat);
  });

  it('explains a search text that differs only in indentation', async () => {
    const text = await shop.call('edit', { path: 'src/discount.js', search: 'const sum = total(items);\nreturn sum > 100 ? sum * 0.9 : sum;', replace: 'x' });
    expect(text).toBe('search text not found in src/discount.js; it matches lines 5-6 when indentation and spacing are ignored: read those lines and copy them exactly, whitespace included');
  });

  it('explains a search text that is not in the file', async () => {
    expect(await shop.call('edit', { path: 'src/discount.js', search: 'return sum * 2;', replace: 'x' })).toMatch(/^search text not found in src\/discount\.js; read the file/);
    expect(await shop.call('edit', { path: 'src/discount.js', search: '', replace: 'x' })).toMatch(/^search is empty/);
    expect(await shop.call('edit', { path: 'src/discount.js', search: 'sum * 0.9', replace: 'sum * 0.9' })).toBe('search and replace are the same text: nothing would change');
  });

  it('undoes an edit that introduces a syntax error and says where', async () => {
    const before = read('src/discount.js');
    const text = await shop.call('edit', { path: 'src/discount.js', search: '  return sum > 100 ? sum * 0.9 : sum;\n}', replace: '  return sum > 100 ? (sum * 0.9 : sum;\n}' });
    expect(text).toMatch(/^edit not applied: it would introduce a syntax error at line \d of src\/discount\.js \(the file is unchanged\):/);
    expect(text).toContain('> 6    return sum > 100 ? (sum * 0.9 : sum;');
    expect(read('src/discount.js')).toBe(before);
    expect(shop.events).toEqual([expect.objectContaining({ type: 'edit-discarded', path: 'src/discount.js', reason: expect.stringMatching(/^syntax error at line/) })]);
  });

  it('edits files in languages it cannot parse without a syntax check', async () => {
    expect(await shop.call('edit', { path: 'notes.txt', search: 'plain', replace: 'plain (((' })).toMatch(/^edited notes\.txt/);
  });

  it('refuses missing files with a suggestion, and secret files', async () => {
    expect(await shop.call('edit', { path: 'src/carts.js', search: 'a', replace: 'b' })).toBe('file not found: src/carts.js; did you mean src/cart.js?');
    expect(await shop.call('edit', { path: '.env', search: 'DB', replace: 'X' })).toMatch(/is a secret file/);
    expect(read('.env')).toBe('DB_PASSWORD=s3cr3tP4ss\n');
  });

  it('applies edits the model sends in one step one after the other', async () => {
    const results = await Promise.all([
      shop.call('edit', { path: 'src/discount.js', search: 'sum * 0.9', replace: 'sum * 0.8' }),
      shop.call('edit', { path: 'src/discount.js', search: 'sum > 100', replace: 'sum >= 100' }),
    ]);
    expect(results.every((text) => text.startsWith('edited'))).toBe(true);
    expect(read('src/discount.js')).toContain('return sum >= 100 ? sum * 0.8 : sum;');
  });

  it('refuses edits that carry a redaction marker, so hidden values survive', async () => {
    const shown = await shop.call('read', { path: 'config/settings.json' });
    expect(shown).toContain('[REDACTED:api-key]');
    const text = await shop.call('edit', { path: 'config/settings.json', search: '"apiKey":"[REDACTED:api-key]","region":"eu"', replace: '"apiKey":"[REDACTED:api-key]","region":"us"' });
    expect(text).toMatch(/^not applied: the text contains a \[REDACTED:\.\.\.\] marker/);
    expect(await shop.call('write', { path: 'config/settings.json', content: shown, overwrite: true })).toMatch(/^not applied: the text contains a \[REDACTED/);
    expect(read('config/settings.json')).toContain('k9J2m4N6p8Q0r2S4t6U8v0W2');
    expect(await shop.call('edit', { path: 'config/settings.json', search: '"region":"eu"', replace: '"region":"us"' })).toMatch(/^edited/);
    expect(read('config/settings.json')).toContain('"apiKey":"k9J2m4N6p8Q0r2S4t6U8v0W2","region":"us"');
  });

  it('keeps CRLF line ends when the model writes LF', async () => {
    shop.fixture.write('src/windows.js', 'const a = 1;\r\nconst b = 2;\r\n');
    expect(await shop.call('edit', { path: 'src/windows.js', search: 'const a = 1;\nconst b = 2;', replace: 'const a = 1;\nconst b = 3;' })).toMatch(/^edited/);
    expect(read('src/windows.js')).toBe('const a = 1;\r\nconst b = 3;\r\n');
  });
});

describe('write', () => {
  it('creates a file and its folders, and records it', async () => {
    expect(await shop.call('write', { path: 'test/discount.test.js', content: "import { test } from 'node:test';\n" })).toBe('created test/discount.test.js (1 lines)');
    expect(read('test/discount.test.js')).toBe("import { test } from 'node:test';\n");
    expect(await shop.call('write', { path: 'src/new/deep/file.js', content: 'export const x = 1;\n' })).toBe('created src/new/deep/file.js (1 lines)');
    expect(shop.events.map((event) => [event.type, event.path, event.created])).toEqual([
      ['edit', 'test/discount.test.js', true],
      ['edit', 'src/new/deep/file.js', true],
    ]);
  });

  it('refuses to replace an existing file unless overwrite is set', async () => {
    expect(await shop.call('write', { path: 'src/cart.js', content: 'x' })).toBe('src/cart.js already exists (18 lines); use edit to change part of it, or write with overwrite: true to replace it whole');
    expect(await shop.call('write', { path: 'src/cart.js', content: 'export const total = () => 0;\n', overwrite: true })).toBe('rewrote src/cart.js (1 lines, was 18)');
  });

  it('refuses content with a syntax error', async () => {
    const text = await shop.call('write', { path: 'src/broken.js', content: 'export function f( {\n  return 1;\n}\n' });
    expect(text).toMatch(/^file not written: the content has a syntax error at line \d of src\/broken\.js:/);
    expect(shop.events).toEqual([expect.objectContaining({ type: 'edit-discarded', path: 'src/broken.js' })]);
    expect(await shop.call('read', { path: 'src/broken.js' })).toMatch(/^file not found/);
  });

  it('refuses secret files, folders and paths outside the worktree', async () => {
    expect(await shop.call('write', { path: 'config/.env.local', content: 'X=1' })).toMatch(/is a secret file/);
    expect(await shop.call('write', { path: 'src', content: 'x' })).toBe('src is a folder; give a file path inside it');
    expect(await shop.call('write', { path: '../evil.js', content: 'x' })).toMatch(/outside the worktree/);
  });
});

const shopFilesRepeat = ['let count = 0;', 'count += 1;', 'count += 1;', 'count += 1;', ''].join('\n');
