import { describe, expect, test } from 'vitest';
import { isTestFileFor } from './test-file-patterns.ts';

describe('isTestFileFor tap', () => {
  test("follows tap's default test regex and skips the folders tap never searches", () => {
    expect(['test/functions/inc.js', 'tests/a.mjs', 'src/cart.test.ts', 'test.js', 'lib/__tests__/x.cjs'].filter((path) => isTestFileFor('tap', path))).toHaveLength(5);
    expect(['test/fixtures/range-parse.js', 'tap-snapshots/test/a.js.test.cjs', 'test/tap-testdir-a/b.js', 'src/cart.js', 'node_modules/x/test/a.js'].filter((path) => isTestFileFor('tap', path))).toEqual([]);
  });
});
