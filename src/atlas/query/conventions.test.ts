import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { indexRepository } from '../index/run-index.ts';
import { openIndex } from '../store/database.ts';
import { repositoryConventions, testFilePattern } from './conventions.ts';
import { namingStyle, styleShares } from './naming-style.ts';

let fixture: Fixture;

beforeAll(async () => {
  fixture = createFixture({
    'package.json': JSON.stringify({ name: 'shop', type: 'module', devDependencies: { vitest: '^3.0.0', eslint: '^9.0.0' } }),
    'eslint.config.js': 'export default [];\n',
    '.prettierrc': '{}\n',
    'tsconfig.json': '{}\n',
    'src/format-price.ts': 'export function formatPrice(cents: number): string {\n  return (cents / 100).toFixed(2);\n}\n',
    'src/parse-price.ts': 'export function parsePrice(text: string): number {\n  return Math.round(Number(text) * 100);\n}\n',
    'src/shopping-cart.ts': [
      "import { formatPrice } from './format-price.ts';",
      "import { parsePrice } from './parse-price.ts';",
      'export class ShoppingCart {',
      '  private items: number[] = [];',
      '  addItem(text: string): void {',
      '    this.items.push(parsePrice(text));',
      '  }',
      '  totalLabel(): string {',
      '    return formatPrice(this.items.reduce((sum, cents) => sum + cents, 0));',
      '  }',
      '}',
      '',
    ].join('\n'),
    'src/receipt-lines.ts': "import { formatPrice } from './format-price.ts';\nexport function receiptLine(name: string, cents: number): string {\n  return `${name} ${formatPrice(cents)}`;\n}\n",
    'src/shopping-cart.test.ts': "import { test, expect } from 'vitest';\nimport { ShoppingCart } from './shopping-cart.ts';\ntest('label', () => {\n  expect(new ShoppingCart().totalLabel()).toBe('0.00');\n});\n",
    'src/format-price.test.ts': "import { test, expect } from 'vitest';\nimport { formatPrice } from './format-price.ts';\ntest('cents', () => expect(formatPrice(250)).toBe('2.50'));\n",
  }, { git: true });
  await indexRepository(fixture.root, { history: false, threads: 1 });
});
afterAll(() => fixture?.remove());

describe('repositoryConventions', () => {
  test('reads languages, module system, tests, tools, naming and the most imported helpers', () => {
    const db = openIndex(fixture.root, { writable: false });
    try {
      const conventions = repositoryConventions(db, fixture.root);
      expect(conventions.languages).toEqual([
        { language: 'typescript', files: 6, lines: 29, share: 29 / 30 },
        { language: 'javascript', files: 1, lines: 1, share: 1 / 30 },
      ]);
      expect(conventions.moduleSystem).toEqual({ style: 'esm', packageType: 'module', esmFiles: 4, commonJsFiles: 0 });
      expect(conventions.tests).toEqual({ frameworks: ['vitest'], files: 2, patterns: [{ pattern: '*.test.ts', files: 2 }], location: 'beside the code' });
      expect(conventions.tools).toEqual([
        { kind: 'lint', tool: 'eslint', file: 'eslint.config.js' },
        { kind: 'format', tool: 'prettier', file: '.prettierrc' },
        { kind: 'types', tool: 'typescript', file: 'tsconfig.json' },
      ]);
      expect(conventions.naming.functions[0]).toMatchObject({ style: 'camelCase', share: 1 });
      expect(conventions.naming.types[0]).toMatchObject({ style: 'PascalCase', example: 'ShoppingCart' });
      expect(conventions.naming.files[0]).toMatchObject({ style: 'kebab-case', share: 1 });
      expect(conventions.helpers[0]).toMatchObject({ name: 'formatPrice', path: 'src/format-price.ts', line: 1, importers: 3 });
      expect(conventions.helpers.map((helper) => helper.name)).toEqual(['formatPrice', 'parsePrice']);
    } finally {
      db.close();
    }
  });
});

describe('naming and test patterns', () => {
  test('classifies names by style and ignores names without one', () => {
    expect(['parseConfig', 'ParseConfig', 'parse_config', 'parse-config', 'MAX_SIZE', 'run', '__init__'].map(namingStyle)).toEqual([
      'camelCase', 'PascalCase', 'snake_case', 'kebab-case', 'SCREAMING_CASE', undefined, undefined,
    ]);
    expect(styleShares(['a_b', 'c_d', 'eF', 'run']).map(({ style, share }) => [style, share])).toEqual([['snake_case', 2 / 3], ['camelCase', 1 / 3]]);
  });

  test('names test file patterns by suffix, prefix or folder', () => {
    expect(['src/a.test.ts', 'lib/b.spec.js', 'pkg/c_test.go', 'tests/test_d.py', 'src/test/java/ParserTest.java', 'tests/helpers.py'].map(testFilePattern)).toEqual([
      '*.test.ts', '*.spec.js', '*_test.go', 'test_*.py', '*Test.java', 'tests/**/*.py',
    ]);
  });
});
