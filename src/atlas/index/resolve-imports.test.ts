import { expect, test } from 'vitest';
import { createResolutionContext, goModulePath, resolveImport } from './resolve-imports.ts';

const context = createResolutionContext(
  [
    'src/a.ts',
    'src/util/index.ts',
    'src/util/strings.ts',
    'packages/core/src/index.ts',
    'packages/core/src/deep/thing.ts',
    'lib/pkg/__init__.py',
    'lib/pkg/mod.py',
    'app/main.py',
    'include/shop/cart.h',
    'src/cart.c',
    'src/main/java/com/shop/Cart.java',
    'crate/src/pricing/mod.rs',
    'crate/src/cart.rs',
  ],
  new Map([['@shop/core', 'packages/core']]),
);

test.each([
  ['typescript', 'src/a.ts', './util', 'src/util/index.ts'],
  ['typescript', 'src/a.ts', './util/strings.js', 'src/util/strings.ts'],
  ['typescript', 'src/util/strings.ts', '../a', 'src/a.ts'],
  ['typescript', 'src/a.ts', '@shop/core', 'packages/core/src/index.ts'],
  ['typescript', 'src/a.ts', '@shop/core/deep/thing', 'packages/core/src/deep/thing.ts'],
  ['typescript', 'src/a.ts', 'react', undefined],
  ['python', 'lib/pkg/mod.py', '.', 'lib/pkg/__init__.py'],
  ['python', 'app/main.py', 'pkg.mod', 'lib/pkg/mod.py'],
  ['python', 'lib/pkg/mod.py', '..missing', undefined],
  ['c', 'src/cart.c', 'shop/cart.h', 'include/shop/cart.h'],
  ['java', 'src/main/java/com/shop/Cart.java', 'com.shop.Cart', 'src/main/java/com/shop/Cart.java'],
  ['rust', 'crate/src/cart.rs', 'crate::pricing::Discount', 'crate/src/pricing/mod.rs'],
])('%s: %s imports %s', (language, from, source, expected) => {
  expect(resolveImport(context, language, from, source)).toBe(expected);
});

// A Go repository with two modules (the root and tools/), a vendored dependency, and folders named
// like standard library packages.
const goPaths = [
  'main.go',
  'cart/cart.go',
  'cart/cart_test.go',
  'cart/discount.go',
  'pricing/doc.go',
  'pricing/rules.go',
  'pricing/aaa_test.go',
  'errors/errors.go',
  'net/http/client.go',
  'tools/gen/gen.go',
  'tools/vendor/github.com/acme/flags/flags.go',
  'vendor/github.com/acme/log/log.go',
];
const goContext = createResolutionContext(
  goPaths,
  new Map(),
  new Map([
    ['example.com/shop', ''],
    ['example.com/shop/tools', 'tools'],
  ]),
);

test.each<[string, string, string | undefined, string]>([
  ['main.go', 'example.com/shop/cart', 'cart/cart.go', 'the file named after the folder stands for the package'],
  ['main.go', 'example.com/shop/pricing', 'pricing/doc.go', 'else doc.go'],
  ['cart/cart.go', 'example.com/shop', 'main.go', 'the module root is a package too'],
  ['main.go', 'example.com/shop/tools/gen', 'tools/gen/gen.go', 'the longest module path wins'],
  ['main.go', 'errors', undefined, 'the standard library, not the folder of the same name'],
  ['main.go', 'net/http', undefined, 'the standard library, however many segments'],
  ['main.go', 'github.com/acme/log', 'vendor/github.com/acme/log/log.go', 'vendored at the root'],
  ['tools/gen/gen.go', 'github.com/acme/flags', 'tools/vendor/github.com/acme/flags/flags.go', "vendored in the importer's module"],
  ['main.go', 'github.com/acme/flags', undefined, "another module's vendor folder is not the importer's"],
  ['main.go', 'example.com/shop/missing', undefined, 'a package of the module that is not there'],
  ['cart/cart.go', '../pricing', 'pricing/doc.go', 'a relative import'],
])('go: %s imports %s -> %s (%s)', (from, source, expected) => {
  expect(resolveImport(goContext, 'go', from, source)).toBe(expected);
});

test('go without any go.mod (GOPATH layout): host-qualified paths by their last segments, never the standard library', () => {
  const gopath = createResolutionContext(['main.go', 'util/strings.go', 'util/util_test.go', 'errors/errors.go'], new Map());
  expect(resolveImport(gopath, 'go', 'main.go', 'github.com/acme/tool/util')).toBe('util/strings.go');
  expect(resolveImport(gopath, 'go', 'main.go', 'errors')).toBeUndefined();
  expect(resolveImport(gopath, 'go', 'main.go', 'github.com/acme/other/missing')).toBeUndefined();
});

test.each([
  ['module example.com/shop\n\ngo 1.22\n', 'example.com/shop'],
  ['// the shop\nmodule "example.com/shop" // quoted\n', 'example.com/shop'],
  ['go 1.22\n\n  module   example.com/x/v2\nrequire (\n)\n', 'example.com/x/v2'],
  ['go 1.22\n', undefined],
])('goModulePath(%j) = %j', (text, expected) => {
  expect(goModulePath(text)).toBe(expected);
});

test.each<[string, string, string | undefined, string]>([
  ['com.shop', 'Cart', 'src/main/java/com/shop/Cart.java', 'a class of a package'],
  ['com.shop.Cart', 'total', 'src/main/java/com/shop/Cart.java', 'a static member of a class'],
  ['com.shop.Cart', '*', 'src/main/java/com/shop/Cart.java', 'every static member of a class'],
  ['com.shop', '*', undefined, 'every class of a package: no one file'],
  ['java.util', 'List', undefined, 'a class from outside the repository'],
])('java: import %s %s -> %s (%s)', (source, importedName, expected) => {
  expect(resolveImport(context, 'java', 'src/main/java/com/shop/Cart.java', source, importedName)).toBe(expected);
});

// A Python project laid out like many: the package under src/, modules named like the standard
// library's inside it, and a test app with a module named like the package.
const pythonContext = createResolutionContext(
  [
    'src/shop/__init__.py',
    'src/shop/typing.py',
    'src/shop/logging.py',
    'src/shop/json/__init__.py',
    'src/shop/cli.py',
    'src/shop/a/b/c/d/__init__.py',
    'src/shop/a/b/c/d/e.py',
    'tests/apps/inner/shop.py',
    'tests/apps/inner/main.py',
    'tests/test_cli.py',
  ],
  new Map(),
);

test.each<[string, string, string, string | undefined, string]>([
  ['tests/test_cli.py', 'shop', '*', 'src/shop/__init__.py', 'the package beats a test module of the same name'],
  ['tests/test_cli.py', 'typing', 'Any', undefined, 'the standard library, not shop.typing'],
  ['src/shop/cli.py', 'logging', '*', undefined, 'the standard library, not shop.logging'],
  ['src/shop/cli.py', 'json', 'dumps', undefined, 'the standard library, not the shop.json package'],
  ['tests/test_cli.py', 'shop', 'cli', 'src/shop/cli.py', 'from a package, a module of it'],
  ['tests/test_cli.py', 'shop.json', 'dumps', 'src/shop/json/__init__.py', 'from a package, a name of it'],
  ['tests/test_cli.py', 'shop.a.b.c.d.e', '*', 'src/shop/a/b/c/d/e.py', 'a module six folders deep'],
  ['src/shop/cli.py', '.', 'logging', 'src/shop/logging.py', 'a relative module'],
])('python: %s imports %s %s -> %s (%s)', (from, source, importedName, expected) => {
  expect(resolveImport(pythonContext, 'python', from, source, importedName)).toBe(expected);
});

test('java: a class in a package five folders deep', () => {
  const deep = createResolutionContext(['src/main/java/org/acme/commons/text/Strings.java'], new Map());
  expect(resolveImport(deep, 'java', 'src/main/java/App.java', 'org.acme.commons.text', 'Strings')).toBe('src/main/java/org/acme/commons/text/Strings.java');
});

// A Cargo workspace like ripgrep's: library crates under crates/, a binary whose root is
// crates/core/main.rs, integration tests whose files are crate roots.
const rustContext = createResolutionContext(
  [
    'crates/matcher/src/lib.rs',
    'crates/matcher/src/interpolate.rs',
    'crates/searcher/src/lib.rs',
    'crates/searcher/src/error.rs',
    'crates/searcher/src/sink.rs',
    'crates/searcher/src/searcher/mod.rs',
    'crates/searcher/src/searcher/core.rs',
    'crates/printer/src/lib.rs',
    'crates/printer/src/error.rs',
    'crates/core/main.rs',
    'crates/core/flags/mod.rs',
    'crates/core/flags/lowargs.rs',
    'tests/tests.rs',
    'tests/util.rs',
    'tests/feature.rs',
  ],
  new Map(),
  new Map(),
  undefined,
  {
    crates: new Map([
      ['grep_matcher', 'crates/matcher/src'],
      ['grep_searcher', 'crates/searcher/src'],
    ]),
    folders: new Set(['', 'crates/matcher', 'crates/searcher', 'crates/printer']),
  },
);

test.each<[string, string, string, string | undefined, string]>([
  ['crates/searcher/src/sink.rs', 'crate::error', 'Error', 'crates/searcher/src/error.rs', "crate:: is the importer's crate, not another's error.rs"],
  ['crates/searcher/src/searcher/core.rs', 'super', 'Searcher', 'crates/searcher/src/searcher/mod.rs', 'super:: is the parent module'],
  ['crates/searcher/src/searcher/core.rs', 'super::super::sink', 'Sink', 'crates/searcher/src/sink.rs', 'twice up'],
  ['crates/searcher/src/lib.rs', 'self', 'sink', 'crates/searcher/src/sink.rs', 'use self::{sink} names the module'],
  ['crates/searcher/src/sink.rs', 'grep_matcher', 'interpolate', 'crates/matcher/src/interpolate.rs', 'a module of another crate of the workspace'],
  ['crates/searcher/src/sink.rs', 'grep_matcher', 'Matcher', 'crates/matcher/src/lib.rs', 'an item of its root'],
  ['tests/feature.rs', 'crate::util', 'Dir', 'tests/util.rs', 'integration tests: the folder is the crate'],
  ['crates/core/flags/lowargs.rs', 'crate::flags', 'Mode', 'crates/core/flags/mod.rs', 'a binary rooted at crates/core/main.rs'],
  ['crates/core/main.rs', 'flags', 'parse', 'crates/core/flags/mod.rs', 'a child module named without crate:: (Rust 2018)'],
  ['crates/searcher/src/sink.rs', 'std::collections', 'HashMap', undefined, 'the standard library'],
  ['crates/searcher/src/sink.rs', 'serde', 'Serialize', undefined, 'a crate from crates.io'],
])('rust: %s uses %s::%s -> %s (%s)', (from, source, importedName, expected) => {
  expect(resolveImport(rustContext, 'rust', from, source, importedName)).toBe(expected);
});

test.each<[string, number, string | undefined, string]>([
  ['super', 1, 'crates/searcher/src/sink.rs', 'super:: of `mod tests` in sink.rs is sink.rs itself'],
  ['self::helper', 1, 'crates/searcher/src/sink.rs', 'self:: of an inline module stays in the file'],
  ['super', 2, 'crates/searcher/src/sink.rs', 'one super:: out of two inline modules stays in the file'],
  ['super::super::searcher', 1, 'crates/searcher/src/searcher/mod.rs', 'a super:: beyond the inline module goes on from the file'],
  ['super', 0, 'crates/searcher/src/lib.rs', 'outside inline modules, super:: of sink.rs is the crate root'],
])('rust: sink.rs uses %s inside %i inline modules -> %s (%s)', (source, depth, expected) => {
  expect(resolveImport(rustContext, 'rust', 'crates/searcher/src/sink.rs', source, '*', depth)).toBe(expected);
});
