import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolFixture, shopFiles } from './testing/tool-fixture.ts';
import type { ToolFixture } from './testing/tool-fixture.ts';

let shop: ToolFixture;

beforeAll(() => {
  shop = createToolFixture({
    ...shopFiles,
    'src/credentials.js': "export function loadCredentials() { return total([]); }\nimport { total } from './cart.js';\n",
    'docs/guide.md': '# guide\n',
  });
});

afterAll(() => shop.remove());

describe('atlas tools on the worktree index', () => {
  it('builds the index when the worktree has none', async () => {
    expect(existsSync(join(shop.fixture.root, '.codewright', 'index.db'))).toBe(false);
    expect(await shop.call('find', { name: 'total' })).toBe('total src/cart.js:2 (function)\n    function total(items)');
    expect(existsSync(join(shop.fixture.root, '.codewright', 'index.db'))).toBe(true);
  });

  it('finds definitions by qualified and approximate names', async () => {
    expect(await shop.call('find', { name: 'Cart.sum' })).toContain('Cart.sum src/cart.js:15 (method');
    expect(await shop.call('find', { name: 'discounte' })).toContain('discounted src/discount.js:4');
    expect(await shop.call('find', { name: 'nothingLikeThis' })).toBe('no definition matches `nothingLikeThis`; try search for text, or locate with a description');
  });

  it('lists references and callers, leaving out secret files', async () => {
    const refs = await shop.call('refs', { symbol: 'total' });
    expect(refs).toContain('src/discount.js:5:15 const sum = total(items); [call]');
    expect(refs).toContain('src/cart.js:16:12 return total(this.items); [call]');
    expect(refs).toContain('test/cart.test.js:');
    expect(refs).not.toContain('credentials');
    const callers = await shop.call('callers', { symbol: 'total' });
    expect(callers).toContain('discounted in src/discount.js\n    src/discount.js:5 const sum = total(items);');
    expect(callers).toContain('Cart.sum in src/cart.js');
    expect(callers).not.toContain('loadCredentials');
  });

  it('says which names are close when a symbol is unknown', async () => {
    expect(await shop.call('refs', { symbol: 'discount' })).toBe('no definition named `discount` in the index; close names: discounted (src/discount.js:4). Use one of them');
    expect(await shop.call('callers', { symbol: 'src/cart.js:7' })).toBe(
      'no definition named `src/cart.js:7` in the index. no definition encloses that line; check the path and line with read',
    );
  });

  it('outlines a file, and explains paths it cannot outline', async () => {
    expect(await shop.call('outline', { path: 'src/cart.js' })).toBe(
      ['src/cart.js (javascript)', 'function total 2-6', 'class Cart 8-18', '  constructor constructor 9-11', '  method add 12-14', '  method sum 15-17'].join('\n'),
    );
    expect(await shop.call('outline', { path: 'src/carts.js' })).toBe('file not found: src/carts.js; did you mean src/cart.js?');
    expect(await shop.call('outline', { path: 'docs/guide.md' })).toMatch(/^docs\/guide\.md is not in a language codewright parses/);
    expect(await shop.call('outline', { path: 'src/credentials.js' })).toMatch(/is a secret file/);
  });

  it('searches code and locates files for a description', async () => {
    const search = await shop.call('search', { query: 'percent orders' });
    expect(search.split('\n')[0]).toBe('src/discount.js:4-7 discounted');
    expect(search).toContain('    3: /** Ten percent off orders over 100. */');
    expect(await shop.call('search', { query: '!!' })).toBe('the text has no words to look for; give identifiers or words, e.g. `parse config`');
    expect(await shop.call('locate', { description: '...' })).toBe('the text has no words to look for; give identifiers or words, e.g. `crash when the config file is empty`');
    const located = await shop.call('locate', { description: 'the discounted price is wrong for big orders' });
    expect(located.split('\n')[0]).toMatch(/^src\/discount\.js \(score/);
    expect(located).toContain('discounted function line 4');
  });

  it('maps the repository', async () => {
    const map = await shop.call('map', {});
    expect(map).toMatch(/^modules \(files, lines, definitions\):\n/);
    expect(map).toContain('  src: ');
    expect(map).toContain('test -> src');
  });

  it('gives the history of a file and of a definition', async () => {
    expect(await shop.call('history', { target: 'src/discount.js' })).toMatch(/^src\/discount\.js: /);
    const symbol = await shop.call('history', { target: 'discounted' });
    expect(symbol).toMatch(/^discounted src\/discount\.js:4-7\n {2}[0-9a-f]{10} 2024-01-01 initial commit$/);
    expect(await shop.call('history', { target: 'nowhere.js' })).toMatch(/^nowhere\.js is neither an indexed file nor a definition: no definition named/);
  });

  it('re-indexes after an edit so that queries see the new code', async () => {
    const edited = await shop.call('edit', { path: 'src/discount.js', search: '/** Ten percent', replace: 'export function couponValue(code) {\n  return code.length;\n}\n\n/** Ten percent' });
    expect(edited).toMatch(/^edited/);
    expect(await shop.call('find', { name: 'couponValue' })).toContain('couponValue src/discount.js:3 (function)');
    expect(await shop.call('refs', { symbol: 'total' })).toContain('src/discount.js:9:15 const sum = total(items); [call]');
  });

  it('after edits re-reads only the files the tools wrote; after a command, everything', async () => {
    // Changed behind the tools' backs: an edit's refresh does not look at it.
    shop.fixture.write('src/cart.js', `${readFileSync(join(shop.fixture.root, 'src/cart.js'), 'utf8')}\nexport function behindTheBack() { return 1; }\n`);
    expect(await shop.call('edit', { path: 'src/discount.js', search: 'return code.length;', replace: 'return code.trim().length;' })).toMatch(/^edited/);
    expect(await shop.call('find', { name: 'behindTheBack' })).toMatch(/^no definition matches/);
    expect(await shop.call('run', { command: 'true' })).toMatch(/^exit code 0/);
    expect(await shop.call('find', { name: 'behindTheBack' })).toContain('behindTheBack src/cart.js:');
    // A new file is no file the index holds: that refresh scans everything.
    expect(await shop.call('write', { path: 'src/coupon.js', content: 'export function couponCode() { return "A"; }\n' })).toMatch(/^created/);
    expect(await shop.call('find', { name: 'couponCode' })).toContain('couponCode src/coupon.js:1 (function)');
  });

  it('re-indexes after files are created by a command', async () => {
    expect(await shop.call('run', { command: 'mkdir -p src/extra && cp src/cart.js src/extra/basket.js' })).toMatch(/^exit code 0/);
    expect(await shop.call('find', { name: 'Cart' })).toContain('src/extra/basket.js:8');
  });
});
