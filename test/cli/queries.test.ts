import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFixture } from '../helpers/fixture.ts';
import type { Fixture } from '../helpers/fixture.ts';
import { runCli, runCliJson } from '../helpers/cli.ts';

let fixture: Fixture;

const files = {
  'packages/money/package.json': '{ "name": "@shop/money" }\n',
  'packages/money/src/index.ts': "export { formatPrice, parsePrice } from './format';\n",
  'packages/money/src/format.ts': [
    '/** Formats cents as a price string like `12.34`. */',
    'export function formatPrice(cents: number): string {',
    '  return (cents / 100).toFixed(2);',
    '}',
    '',
    '/** Parses `12.34` into cents; throws on garbage. */',
    'export function parsePrice(text: string): number {',
    '  const value = Number(text);',
    "  if (Number.isNaN(value)) throw new Error('not a price');",
    '  return Math.round(value * 100);',
    '}',
    '',
  ].join('\n'),
  'packages/cart/src/cart.ts': [
    "import { formatPrice } from '@shop/money';",
    '',
    '/** A shopping cart. */',
    'export class Cart {',
    '  private items: number[] = [];',
    '',
    '  /** Adds an item price in cents. */',
    '  add(cents: number): void {',
    '    this.items.push(cents);',
    '  }',
    '',
    '  /** The total, formatted for display. */',
    '  label(): string {',
    '    return formatPrice(this.total());',
    '  }',
    '',
    '  total(): number {',
    '    return this.items.reduce((sum, cents) => sum + cents, 0);',
    '  }',
    '}',
    '',
  ].join('\n'),
  'packages/cart/test/cart.test.ts': [
    "import { Cart } from '../src/cart';",
    '',
    "test('label shows the total', () => {",
    '  const cart = new Cart();',
    '  cart.add(250);',
    "  expect(cart.label()).toBe('2.50');",
    '});',
    '',
  ].join('\n'),
  'scripts/report.py': 'def summarize(rows):\n    """Sums the totals of rows."""\n    return sum(r["total"] for r in rows)\n',
};

beforeAll(() => {
  fixture = createFixture(files, { git: true });
  fixture.write('packages/money/src/format.ts', files['packages/money/src/format.ts'].replace('toFixed(2)', 'toFixed(2) /* rounding */'));
  fixture.commit('fix: rounding of negative prices in formatPrice (#42)');
  const result = runCli(['index', fixture.root]);
  if (result.status !== 0) throw new Error(result.stderr);
});
afterAll(() => fixture?.remove());

const root = () => ['--root', fixture.root];

describe('queries', () => {
  test('find ranks exact, qualified, prefix and fuzzy matches', () => {
    const exact = runCliJson<{ symbol: { qualifiedName: string; location: { path: string; startLine: number } }; match: string }[]>(['find', 'formatPrice', ...root()]);
    expect(exact[0]).toMatchObject({ match: 'exact', symbol: { qualifiedName: 'formatPrice', location: { path: 'packages/money/src/format.ts', startLine: 2 } } });
    const qualified = runCliJson<{ symbol: { qualifiedName: string }; match: string }[]>(['find', 'Cart.label', ...root()]);
    expect(qualified[0]).toMatchObject({ match: 'qualified', symbol: { qualifiedName: 'Cart.label' } });
    const prefix = runCliJson<{ symbol: { name: string } }[]>(['find', 'parsePr', ...root()]);
    expect(prefix.map((result) => result.symbol.name)).toEqual(['parsePrice']);
    const typo = runCliJson<{ symbol: { name: string }; match: string }[]>(['find', 'fromatPrice', ...root()]);
    expect(typo[0]).toMatchObject({ match: 'fuzzy', symbol: { name: 'formatPrice' } });
    const text = runCli(['find', 'summarize', ...root()]);
    expect(text.stdout).toContain('summarize function scripts/report.py:1');
  });

  test('refs follow imports through a workspace package and show the line', () => {
    const result = runCliJson<{ references: { path: string; line: number; text: string; confidence: string; kind: string }[] }>(['refs', 'formatPrice', ...root()]);
    const sites = result.references.map((reference) => `${reference.path}:${reference.line} ${reference.kind}`);
    expect(sites).toEqual(['packages/cart/src/cart.ts:1 import', 'packages/cart/src/cart.ts:14 call', 'packages/money/src/index.ts:1 export']);
    expect(result.references[1]).toMatchObject({ text: 'return formatPrice(this.total());', confidence: 'import' });
  });

  test('callers and callees', () => {
    const callers = runCli(['callers', 'formatPrice', ...root()]);
    expect(callers.stdout).toContain('Cart.label');
    expect(callers.stdout).toContain('packages/cart/src/cart.ts:14');
    const callees = runCliJson<{ callees: { name: string; targets: { qualifiedName: string }[] }[] }[]>(['callees', 'Cart.label', ...root()]);
    expect(callees[0]?.callees.map((callee) => [callee.name, callee.targets[0]?.qualifiedName])).toEqual([
      ['formatPrice', 'formatPrice'],
      ['total', 'Cart.total'],
    ]);
  });

  test('outline prints the tree of a file', () => {
    const outline = runCli(['outline', 'packages/cart/src/cart.ts', ...root()]);
    expect(outline.stdout.split('\n').filter(Boolean).map((line) => line.trimEnd())).toEqual([
      'packages/cart/src/cart.ts (typescript)',
      '  class     Cart 4-20',
      '    property  items 5-5 (local)',
      '    method    add 8-10',
      '    method    label 13-15',
      '    method    total 17-19',
    ]);
    expect(runCli(['outline', 'nope.ts', ...root()]).stderr).toMatch(/not in the index/);
  });

  test('search ranks code by identifier-aware terms and shows matching lines', () => {
    const hits = runCliJson<{ path: string; symbol: string | null; lines: { line: number; text: string }[] }[]>(['search', 'parse price', ...root()]);
    expect(hits[0]).toMatchObject({ path: 'packages/money/src/format.ts', symbol: 'parsePrice' });
    expect(hits[0]?.lines[0]?.text).toContain('parsePrice');
  });

  test('locate puts the code to change first, explains why, and links tests to code', () => {
    const files = runCliJson<{ path: string; signals: Record<string, number>; symbols: { qualifiedName: string }[] }[]>([
      'locate',
      'formatPrice rounds negative prices badly',
      ...root(),
    ]);
    expect(files[0]?.path).toBe('packages/money/src/format.ts');
    expect(files[0]?.symbols[0]?.qualifiedName).toBe('formatPrice');
    expect(files.map((file) => file.path)).toContain('packages/money/src/index.ts');
    expect(files[0]?.signals.history).toBeGreaterThan(0);
  });

  test('map shows modules, the import graph, entry points and hot spots', () => {
    const map = runCliJson<{ modules: { name: string }[]; edges: { from: string; to: string }[]; hotSpots: { path: string; fixes: number; churn: number }[] }>(['map', ...root()]);
    expect(map.modules.map((module) => module.name).sort()).toEqual(['packages/cart', 'packages/money', 'scripts']);
    expect(map.edges).toEqual([{ from: 'packages/cart', to: 'packages/money', imports: 1 }]);
    expect(map.hotSpots.find((spot) => spot.path === 'packages/money/src/format.ts')).toMatchObject({ commits: 2, fixes: 1 });
    expect(map.hotSpots.map((spot) => spot.churn)).toEqual([...map.hotSpots.map((spot) => spot.churn)].sort((a, b) => b - a));
    const mermaid = runCli(['map', '--format', 'mermaid', ...root()]);
    expect(mermaid.stdout).toContain('m_packages_cart -->|1| m_packages_money');
    expect(runCli(['map', '--format', 'svg', ...root()]).status).toBe(2);
  });

  test('history of a file and of a symbol', () => {
    const file = runCli(['history', 'packages/money/src/format.ts', ...root()]);
    expect(file.stdout).toMatch(/2 commits.*1 fixes/);
    expect(file.stdout).toContain('fix: rounding of negative prices in formatPrice (#42)');
    const symbol = runCliJson<{ type: string; symbols: { history: { commits: { subject: string }[] } }[] }>(['history', 'parsePrice', ...root()]);
    expect(symbol.symbols[0]?.history.commits.map((commit) => commit.subject)).toEqual(['initial commit']);
    const formatted = runCliJson<{ symbols: { history: { commits: { subject: string; isFix: boolean }[] } }[] }>(['history', 'formatPrice', ...root()]);
    expect(formatted.symbols[0]?.history.commits[0]).toMatchObject({ isFix: true });
  });

  test('stats reports contents and freshness', () => {
    const before = runCliJson<{ files: Record<string, number>; stale: string[]; commits: number; fixCommits: number }>(['stats', ...root()]);
    expect(before).toMatchObject({ stale: [], commits: 2, fixCommits: 1 });
    fixture.write('scripts/report.py', 'def summarize(rows):\n    return 0\n');
    const after = runCliJson<{ stale: string[] }>(['stats', ...root()]);
    expect(after.stale).toEqual(['scripts/report.py']);
    expect(runCli(['stats', ...root()]).stdout).toMatch(/1 changed and 0 deleted since indexing/);
  });
});
