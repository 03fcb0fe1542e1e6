import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createToolFixture } from './testing/tool-fixture.ts';
import type { ToolFixture } from './testing/tool-fixture.ts';

let shop: ToolFixture;
beforeEach(() => {
  shop = createToolFixture();
});
afterEach(() => shop.remove());

const discountTest = [
  "import { test } from 'node:test';",
  "import assert from 'node:assert/strict';",
  "import { discounted } from '../src/discount.js';",
  '',
  "test('big orders get ten percent off', () => {",
  '  assert.equal(discounted([{ price: 200 }]), 180);',
  '});',
  '',
].join('\n');

describe('test', () => {
  it('says there is nothing to select before any change', async () => {
    expect(await shop.call('test', {})).toBe('no changes against the base yet: give test files to run, e.g. { "files": ["test/parse.test.ts"] }, or all: true');
  });

  it('runs the tests that reach the change and reports the first failures', async () => {
    await shop.call('edit', { path: 'src/cart.js', search: 'sum += item.price;', replace: 'sum += item.price * 2;' });
    const text = await shop.call('test', {});
    expect(text).toMatch(/^node-test \(1 file\): 0 passed, 1 failed, 0 timed out, 0 skipped in \d+\.\d s\n {2}FAIL test\/cart\.test\.js > total adds prices\n {4}/);
    expect(text).toContain('10');
  });

  it('passes when the change keeps the tests green', async () => {
    await shop.call('edit', { path: 'src/cart.js', search: '  let sum = 0;', replace: '  let sum = 0; // running total' });
    expect(await shop.call('test', {})).toMatch(/^node-test \(1 file\): 1 passed, 0 failed, 0 timed out, 0 skipped in /);
  });

  it('runs given test files, such as a new one', async () => {
    await shop.call('write', { path: 'test/discount.test.js', content: discountTest });
    expect(await shop.call('test', { files: ['test/discount.test.js', 'test/cart.test.js'] })).toMatch(/^node-test \(2 files\): 2 passed, 0 failed/);
  });

  it('runs the whole suite when asked', async () => {
    await shop.call('write', { path: 'test/discount.test.js', content: discountTest });
    expect(await shop.call('test', { all: true })).toMatch(/^node-test \(whole suite\): 2 passed, 0 failed/);
  });

  it('says when no test reaches the changed code', async () => {
    await shop.call('edit', { path: 'README.md', search: '# shop', replace: '# the shop' });
    expect(await shop.call('test', {})).toBe('no test file reaches the changed code: write a test that imports it, or give test files to run');
  });

  it('explains test files it cannot run', async () => {
    expect(await shop.call('test', { files: ['test/missing.test.js'] })).toBe('test file not found: test/missing.test.js; give paths of existing test files, or no files to run the impacted tests');
    shop.fixture.write('spec/cart_spec.rb', 'describe "cart" do\nend\n');
    expect(await shop.call('test', { files: ['spec/cart_spec.rb'] })).toBe(
      'not run: spec/cart_spec.rb: no test runner for this kind of file (codewright runs vitest, jest, mocha, tap, node:test, pytest and unittest)',
    );
    expect(await shop.call('test', { files: ['../elsewhere.test.js'] })).toMatch(/outside the worktree/);
  });
});
