import { afterEach, describe, expect, test } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { indexRepository } from './run-index.ts';
import { indexedImportPairs } from './testing/import-pairs.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

const goSources = {
  'go.mod': 'module example.com/shop\n\ngo 1.22\n',
  'main.go': 'package main\n\nimport (\n\t"errors"\n\t"example.com/shop/cart"\n\t"example.com/shop/tools/gen"\n\t"github.com/acme/log"\n)\n\nfunc main() { _ = errors.New(""); cart.Total(); gen.Run(); log.Print() }\n',
  'cart/cart.go': 'package cart\n\nfunc Total() int { return 0 }\n',
  'cart/cart_test.go': 'package cart\n\nimport "testing"\n\nfunc TestTotal(t *testing.T) {}\n',
  'errors/errors.go': 'package errors\n\nfunc Wrap() {}\n',
  'tools/go.mod': 'module example.com/shop/tools\n\ngo 1.22\n',
  'tools/gen/gen.go': 'package gen\n\nimport "example.com/shop/cart"\n\nfunc Run() { cart.Total() }\n',
  'vendor/github.com/acme/log/log.go': 'package log\n\nfunc Print() {}\n',
};

const goExpected = [
  'cart/cart_test.go testing -> -',
  'main.go errors -> -',
  'main.go example.com/shop/cart -> cart/cart.go',
  'main.go example.com/shop/tools/gen -> tools/gen/gen.go',
  'main.go github.com/acme/log -> vendor/github.com/acme/log/log.go',
  'tools/gen/gen.go example.com/shop/cart -> cart/cart.go',
];

describe('Go imports resolve by the modules of the go.mod files', () => {
  test.each([
    ['listed by git', true],
    ['found by walking the folders', false],
  ])('%s', async (_, git) => {
    fixture = createFixture(goSources, { git });
    const summary = await indexRepository(fixture.root, { history: false, threads: 1 });
    expect(summary.parsed).toBe(6);
    expect(indexedImportPairs(fixture.root)).toEqual(goExpected);
  });
});

test('a path added later resolves the imports that waited for it, in every language, as a cold index does', async () => {
  fixture = createFixture(
    {
      ...goSources,
      'app/main.py': 'import pkg.extra\nfrom pkg import mod\n',
      'lib/pkg/__init__.py': '',
      'lib/pkg/mod.py': 'X = 1\n',
      'src/main/java/com/shop/App.java': 'package com.shop;\n\nimport com.shop.model.Extra;\n\nclass App {}\n',
      'web/app.ts': "import { extra } from './extra';\nexport const app = extra;\n",
      'cmd/run.go': 'package cmd\n\nimport (\n\t"example.com/shop/extra"\n\t"example.com/shop/pricing"\n)\n\nfunc Run() { extra.Do(); pricing.Off() }\n',
      'pricing/discount.go': 'package pricing\n\nfunc Off() {}\n',
      'web/util/index.ts': 'export const u = 1;\n',
      'web/uses.ts': "import { u } from './util';\nexport const uses = u;\n",
    },
    { git: true },
  );
  await indexRepository(fixture.root, { history: false, threads: 1 });
  const before = indexedImportPairs(fixture.root);
  expect(before).toContain('app/main.py pkg.extra -> -');
  expect(before).toContain('cmd/run.go example.com/shop/extra -> -');
  expect(before).toContain('cmd/run.go example.com/shop/pricing -> pricing/discount.go');
  expect(before).toContain('web/uses.ts ./util -> web/util/index.ts');
  fixture.write('lib/pkg/extra.py', 'Y = 2\n');
  fixture.write('src/main/java/com/shop/model/Extra.java', 'package com.shop.model;\n\npublic class Extra {}\n');
  fixture.write('web/extra.ts', 'export const extra = 1;\n');
  fixture.write('extra/extra.go', 'package extra\n\nfunc Do() {}\n');
  // New paths can also change where resolved imports lead: `./util` to util.ts before util/index.ts, a
  // Go package to the file named after its folder.
  fixture.write('web/util.ts', 'export const u = 2;\n');
  fixture.write('pricing/pricing.go', 'package pricing\n');
  const update = await indexRepository(fixture.root, { history: false, threads: 1 });
  expect(update.added).toBe(6);
  const incremental = indexedImportPairs(fixture.root);
  expect(incremental).toEqual(
    expect.arrayContaining([
      'app/main.py pkg.extra -> lib/pkg/extra.py',
      'cmd/run.go example.com/shop/extra -> extra/extra.go',
      'src/main/java/com/shop/App.java com.shop.model -> src/main/java/com/shop/model/Extra.java',
      'web/app.ts ./extra -> web/extra.ts',
      'cmd/run.go example.com/shop/pricing -> pricing/pricing.go',
      'web/uses.ts ./util -> web/util.ts',
    ]),
  );
  await indexRepository(fixture.root, { history: false, threads: 1, rebuild: true });
  expect(incremental).toEqual(indexedImportPairs(fixture.root));
});

test('a changed tsconfig.json, package.json or go.mod resolves every import again, as a cold index does', async () => {
  fixture = createFixture(
    {
      'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
      'src/lib/money.ts': 'export const money = 1;\n',
      'src/app.ts': "import { money } from '@/lib/money';\nexport const app = money;\n",
      'go.mod': 'module example.com/old\n',
      'cart/cart.go': 'package cart\n\nfunc Total() {}\n',
      'main.go': 'package main\n\nimport "example.com/shop/cart"\n\nfunc main() { cart.Total() }\n',
    },
    { git: true },
  );
  await indexRepository(fixture.root, { history: false, threads: 1 });
  expect(indexedImportPairs(fixture.root)).toEqual(['main.go example.com/shop/cart -> -', 'src/app.ts @/lib/money -> -']);
  fixture.write('tsconfig.json', '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }\n');
  fixture.write('go.mod', 'module example.com/shop\n');
  const update = await indexRepository(fixture.root, { history: false, threads: 1 });
  expect(update.parsed).toBe(0);
  const incremental = indexedImportPairs(fixture.root);
  expect(incremental).toEqual(['main.go example.com/shop/cart -> cart/cart.go', 'src/app.ts @/lib/money -> src/lib/money.ts']);
  // And back: a mapping removed unresolves what it resolved.
  fixture.write('tsconfig.json', '{ "compilerOptions": { "strict": true } }\n');
  await indexRepository(fixture.root, { history: false, threads: 1 });
  expect(indexedImportPairs(fixture.root)).toEqual(['main.go example.com/shop/cart -> cart/cart.go', 'src/app.ts @/lib/money -> -']);
  await indexRepository(fixture.root, { history: false, threads: 1, rebuild: true });
  expect(indexedImportPairs(fixture.root)).toEqual(['main.go example.com/shop/cart -> cart/cart.go', 'src/app.ts @/lib/money -> -']);
});

test('Rust crates of a Cargo workspace resolve by the names their Cargo.toml files give them', async () => {
  fixture = createFixture(
    {
      'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
      'crates/grep-matcher/Cargo.toml': '[package]\nname = "grep-matcher" # the dash becomes an underscore\nversion = "0.1.0"\n',
      'crates/grep-matcher/src/lib.rs': 'pub mod interpolate;\npub trait Matcher {}\n',
      'crates/grep-matcher/src/interpolate.rs': 'pub fn interpolate() {}\n',
      'crates/search/Cargo.toml': '[package]\nname = "search"\n\n[lib]\nname = "searchlib"\npath = "lib/root.rs"\n',
      'crates/search/lib/root.rs': 'pub mod error;\n',
      'crates/search/lib/error.rs': 'pub struct Error;\n',
      'crates/app/Cargo.toml': 'not [valid toml\n',
      'crates/app/src/main.rs':
        'use grep_matcher::{interpolate, Matcher};\nuse searchlib::error::Error;\nuse search::error::Error as Other;\nuse std::fmt;\nfn main() {}\n',
    },
    { git: true },
  );
  await indexRepository(fixture.root, { history: false, threads: 1 });
  expect(indexedImportPairs(fixture.root)).toEqual([
    'crates/app/src/main.rs grep_matcher -> crates/grep-matcher/src/interpolate.rs',
    'crates/app/src/main.rs grep_matcher -> crates/grep-matcher/src/lib.rs',
    // The package name is not the crate's when [lib] names it otherwise.
    'crates/app/src/main.rs search::error -> -',
    'crates/app/src/main.rs searchlib::error -> crates/search/lib/error.rs',
    'crates/app/src/main.rs std -> -',
  ]);
});

test("Rust: a test module's `use super::*` stays in its file, in a cold load and in the pass after a new file", async () => {
  fixture = createFixture(
    {
      'Cargo.toml': '[package]\nname = "shop"\n',
      'src/lib.rs': 'mod escape;\nmod other;\n',
      'src/other.rs': 'pub fn g() {}\n',
      'src/escape.rs':
        'pub fn f() {}\n\n#[cfg(test)]\nmod tests {\n    use super::f;\n    use super::super::other::g;\n    use crate::other;\n\n    mod inner {\n        use super::super::f;\n    }\n}\n',
    },
    { git: true },
  );
  await indexRepository(fixture.root, { history: false, threads: 1 });
  const expected = [
    'src/escape.rs crate -> src/other.rs',
    'src/escape.rs super -> -',
    'src/escape.rs super::super -> -',
    'src/escape.rs super::super::other -> src/other.rs',
  ];
  expect(indexedImportPairs(fixture.root)).toEqual(expected);
  fixture.write('src/extra.rs', 'pub fn e() {}\n');
  await indexRepository(fixture.root, { history: false, threads: 1 });
  expect(indexedImportPairs(fixture.root)).toEqual(expected);
});
