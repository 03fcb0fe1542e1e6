import { expect, test } from 'vitest';
import { createResolutionContext, resolveImport } from './resolve-imports.ts';

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
