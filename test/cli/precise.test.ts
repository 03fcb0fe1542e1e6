import { afterEach, expect, test } from 'vitest';
import { createFixture } from '../helpers/fixture.ts';
import type { Fixture } from '../helpers/fixture.ts';
import { runCli, runCliJson } from '../helpers/cli.ts';
import type { IndexSummary } from '../../src/atlas/index/summary.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

test('--precise resolves references that names and imports alone cannot, and updates incrementally', () => {
  fixture = createFixture({
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', baseUrl: '.', paths: { '@lib/*': ['src/lib/*'] } }, include: ['src'] }),
    'src/lib/dates.ts': 'export function format(value: Date): string {\n  return value.toISOString();\n}\n',
    'src/lib/money.ts': 'export function format(cents: number): string {\n  return (cents / 100).toFixed(2);\n}\n',
    'src/app.ts': "import { format } from '@lib/money';\n\nexport function label(cents: number): string {\n  return format(cents);\n}\n",
    'src/lib/wallet.ts': 'export class Wallet {\n  total(): number {\n    return 1;\n  }\n}\n',
    'src/lib/ledger.ts': 'export class Ledger {\n  total(): number {\n    return 2;\n  }\n}\n',
    'src/sum.ts': "import type { Wallet } from './lib/wallet.js';\n\nexport function sum(w: Wallet): number {\n  return w.total();\n}\n",
  });
  const syntactic = runCliJson<IndexSummary>(['index', fixture.root]);
  expect(syntactic.precise).toBeUndefined();
  // Two definitions named `format` and an alias import: the syntactic index follows the import through
  // tsconfig's paths. A method called on a typed parameter it cannot follow: by name, `w.total()` is a use
  // of `Wallet.total` and of `Ledger.total` alike.
  type Uses = { references: { path: string; line: number; confidence: string }[] };
  const uses = (symbol: string) => runCliJson<Uses>(['refs', symbol, '--root', fixture.root]).references.map((use) => `${use.path}:${use.line} ${use.confidence}`);
  expect(uses('src/lib/money.ts#format')).toEqual(['src/app.ts:1 import', 'src/app.ts:4 import']);
  expect(uses('src/lib/ledger.ts#Ledger.total')).toEqual(['src/sum.ts:4 name']);
  expect(uses('src/lib/wallet.ts#Wallet.total')).toEqual(['src/sum.ts:4 name']);

  const precise = runCliJson<IndexSummary>(['index', fixture.root, '--precise']);
  expect(precise.precise).toMatchObject({ identifiers: expect.any(Number), resolved: expect.any(Number) });
  const after = runCliJson<{ references: { path: string; line: number; confidence: string }[] }>(['refs', 'src/lib/money.ts#format', '--root', fixture.root]);
  expect(after.references.filter((reference) => reference.path === 'src/app.ts').map((reference) => [reference.line, reference.confidence])).toEqual([
    [1, 'precise'],
    [4, 'precise'],
  ]);
  const dates = runCliJson<{ references: { path: string }[] }>(['refs', 'src/lib/dates.ts#format', '--root', fixture.root]);
  expect(dates.references).toEqual([]);
  expect(uses('src/lib/ledger.ts#Ledger.total')).toEqual([]);
  expect(uses('src/lib/wallet.ts#Wallet.total')).toEqual(['src/sum.ts:4 precise']);

  // Point the import at the other module: the next precise run re-resolves only what changed.
  fixture.write('src/app.ts', "import { format } from '@lib/dates';\n\nexport function label(when: Date): string {\n  return format(when);\n}\n");
  const incremental = runCliJson<IndexSummary>(['index', fixture.root, '--precise']);
  expect(incremental.parsed).toBe(1);
  const moved = runCliJson<{ references: { path: string; line: number }[] }>(['refs', 'src/lib/dates.ts#format', '--root', fixture.root]);
  expect(moved.references.map((reference) => `${reference.path}:${reference.line}`)).toEqual(['src/app.ts:1', 'src/app.ts:4']);
  expect(runCli(['callers', 'src/lib/dates.ts#format', '--root', fixture.root]).stdout).toContain('label');
});
