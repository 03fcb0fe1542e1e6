/** The fixture repository the MCP tests query: a small shop in TypeScript with history, a dependency and a Python script. */
import { createFixture } from '../../helpers/fixture.ts';
import type { Fixture } from '../../helpers/fixture.ts';

const format = [
  '/** Formats cents as a price string like `12.34`. */',
  'export function formatPrice(cents: number): string {',
  '  return (cents / 100).toFixed(2);',
  '}',
  '',
  '/** Parses `12.34` into cents. */',
  'export function parsePrice(text: string): number {',
  '  return Math.round(Number(text) * 100);',
  '}',
  '',
].join('\n');

const cart = [
  "import { formatPrice } from './format.ts';",
  '',
  '/** A shopping cart. */',
  'export class Cart {',
  '  private items: number[] = [];',
  '',
  '  add(cents: number): void {',
  '    this.items.push(cents);',
  '  }',
  '',
  '  label(): string {',
  '    return formatPrice(this.total());',
  '  }',
  '',
  '  total(): number {',
  '    return this.items.reduce((sum, cents) => sum + cents, 0);',
  '  }',
  '}',
  '',
].join('\n');

/** The receipt module before and after the change the `check` tool is given. */
export const receipt = "import { formatPrice } from './format.ts';\n\nexport function receiptLine(name: string, cents: number): string {\n  return `${name} ${formatPrice(cents)}`;\n}\n";
export const brokenReceipt = "import { formatPrise } from './format.ts';\n\nexport function receiptLine(name: string, cents: number): string {\n  return `${name} ${formatPrise(cents)}`;\n}\n";

const moneyKit = {
  'node_modules/money-kit/package.json': JSON.stringify({ name: 'money-kit', version: '2.3.1', types: './index.d.ts', main: './index.js' }),
  'node_modules/money-kit/index.d.ts': '/** Rounds cents to a step. */\nexport declare function roundCents(cents: number, step?: number): number;\nexport declare function roundCents(cents: bigint): bigint;\n',
  'node_modules/money-kit/index.js': 'exports.roundCents = (cents) => cents;\n',
};

/** A shop repository with two commits (the second a fix of formatPrice) and an installed `money-kit`; not indexed. */
export function createShopRepository(): Fixture {
  const fixture = createFixture(
    {
      '.gitignore': 'node_modules\n',
      'package.json': JSON.stringify({ name: 'shop', type: 'module', dependencies: { 'money-kit': '2.3.1' }, devDependencies: { vitest: '^3.0.0' } }),
      'src/format.ts': format.replace('toFixed(2)', 'toFixed(1)'),
      'src/cart.ts': cart,
      'src/receipt.ts': receipt,
      'src/cart.test.ts': "import { expect, test } from 'vitest';\nimport { Cart } from './cart.ts';\n\ntest('label shows the total', () => {\n  const cart = new Cart();\n  cart.add(250);\n  expect(cart.label()).toBe('2.50');\n});\n",
      'scripts/report.py': 'def summarize(rows):\n    """Sums the totals of rows."""\n    return sum(r["total"] for r in rows)\n',
    },
    { git: true },
  );
  fixture.write('src/format.ts', format);
  fixture.commit('fix: show two decimals in formatPrice (#42)');
  for (const [path, content] of Object.entries(moneyKit)) fixture.write(path, content);
  return fixture;
}

/** The diff that makes receipt.ts import and call `formatPrise`, which format.ts does not export. */
export function brokenReceiptDiff(fixture: Fixture): string {
  fixture.write('src/receipt.ts', brokenReceipt);
  const diff = fixture.git('diff', '--no-color', '--', 'src/receipt.ts');
  fixture.write('src/receipt.ts', receipt);
  return diff;
}
